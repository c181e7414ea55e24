#!/usr/bin/env bash
# Installs Kedja as a command on this machine: PREFIX/bin/kedja, its man page and its bash/zsh/fish completions.
#
#   scripts/install.sh [PREFIX]            PREFIX defaults to /usr/local
#   DESTDIR=/tmp/stage scripts/install.sh /usr   stages the files under DESTDIR (scripts/package-deb.sh does this)
#
# Why this way: the binary is built with the Swift standard library and Foundation linked in statically, and the
# default rule tables are compiled into it, so it runs on a machine without Swift and without Templates/; what
# stays dynamic is libc and the C libraries (libxlsxwriter, libcsv and theirs), which `ldd` lists. The man page
# comes from swift-argument-parser's generate-manual tool (built from the package's own checkout in the same
# scratch folder, which takes seconds; the `generate-manual` package plugin would rebuild every product in
# another configuration), and the completion scripts from the binary itself, so both always match the options.
# Idempotent: a second run rebuilds nothing that is current and overwrites the same files.
set -euo pipefail
cd "$(dirname "$0")/.."

prefix="${1:-/usr/local}"
case "$prefix" in
  /*) ;;
  *) echo "install.sh: PREFIX must be an absolute path, not '$prefix'" >&2; exit 64 ;;
esac
prefix="${prefix%/}"
root="${DESTDIR:-}${prefix}"
scratch=.build-static

# The C libraries and pkg-config (needs root or sudo when something is missing).
scripts/setup.sh

swift build -c release --product kedja --static-swift-stdlib --scratch-path "$scratch"
swift build -c release --product generate-manual --static-swift-stdlib --scratch-path "$scratch"
built="$scratch/release/kedja"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The man page's date: SOURCE_DATE_EPOCH when set (reproducible packages), else the last commit's, else today.
if [ -n "${SOURCE_DATE_EPOCH:-}" ]; then
  man_date="$(date -u -d "@$SOURCE_DATE_EPOCH" +%F)"
else
  man_date="$(git log -1 --format=%cs 2>/dev/null || date -u +%F)"
fi
"$scratch/release/generate-manual" "$built" --date "$man_date" --output-directory "$work"
# As Debian ships man pages: gzip at maximum compression, without the file name and time stamp.
gzip -9n <"$work/kedja.1" >"$work/kedja.1.gz"

for shell in bash zsh fish; do
  "$built" --generate-completion-script "$shell" >"$work/completion.$shell"
done

# Debian's zsh searches vendor-completions for packaged files and /usr/local/share/zsh/site-functions for
# local ones.
zsh_dir="share/zsh/site-functions"
[ "$prefix" = /usr ] && zsh_dir="share/zsh/vendor-completions"

install -d "$root/bin" "$root/share/man/man1" "$root/share/bash-completion/completions" "$root/$zsh_dir" \
  "$root/share/fish/vendor_completions.d"
# Stripped, as Debian installs binaries (85 MB with symbols, 62 MB without).
install -m 0755 "$built" "$root/bin/kedja"
strip "$root/bin/kedja"
install -m 0644 "$work/kedja.1.gz" "$root/share/man/man1/kedja.1.gz"
install -m 0644 "$work/completion.bash" "$root/share/bash-completion/completions/kedja"
install -m 0644 "$work/completion.zsh" "$root/$zsh_dir/_kedja"
install -m 0644 "$work/completion.fish" "$root/share/fish/vendor_completions.d/kedja.fish"

echo "Installed kedja $("$root/bin/kedja" --version)${DESTDIR:+ under DESTDIR=$DESTDIR}:"
echo "  program          $root/bin/kedja"
echo "  man page         $root/share/man/man1/kedja.1.gz"
echo "  bash completion  $root/share/bash-completion/completions/kedja"
echo "  zsh completion   $root/$zsh_dir/_kedja"
echo "  fish completion  $root/share/fish/vendor_completions.d/kedja.fish"
echo "Dynamic libraries it still needs (ldd):"
ldd "$root/bin/kedja" | sed 's/ (0x[0-9a-f]*)//; s/^[[:space:]]*/  /'
