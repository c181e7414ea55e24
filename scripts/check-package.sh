#!/usr/bin/env bash
# Checks that the Debian package works where a user gets it, not only in the repository:
#
#   scripts/check-package.sh                 builds the .deb (scripts/package-deb.sh), unpacks it into a clean
#                                            temporary folder and runs its kedja on the sample ledger from a
#                                            folder outside the repository with KEDJA_TEMPLATES unset; renders
#                                            the man page; loads the bash completion; checks what stays dynamic
#   scripts/check-package.sh --fresh-debian  also debootstraps a minimal Debian bookworm (no Swift) into a
#                                            temporary folder, installs the .deb there with apt (which resolves
#                                            Depends) and runs `kedja run` inside it; needs root and the network,
#                                            takes minutes; unmounts and deletes the chroot afterwards
#
# Why not in CI (scripts/test.sh): the static release build and xz compression take several minutes. The quick
# part of the same promise (completions, the help dump the man page comes from, the version string) is tested in
# Tests/KedjaEndToEndTests/PackagingEndToEndTests.swift.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd)"
fresh_debian=false
[ "${1:-}" = "--fresh-debian" ] && fresh_debian=true

work="$(mktemp -d)"
chroot_dir=""
cleanup() {
  if [ -n "$chroot_dir" ]; then
    mountpoint -q "$chroot_dir/proc" && umount "$chroot_dir/proc"
    rm -rf "$chroot_dir"
  fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "check-package.sh: FAIL: $*" >&2; exit 1; }

scripts/package-deb.sh "$work/dist" >"$work/package.log" 2>&1 || { cat "$work/package.log" >&2; fail "package-deb.sh"; }
deb="$(ls "$work"/dist/kedja_*.deb)"
echo "package: $(basename "$deb") ($(du -h "$deb" | cut -f1))"

depends="$(dpkg-deb -f "$deb" Depends)"
echo "Depends: $depends"
case ", $depends," in *-dev,*) fail "Depends names a -dev package" ;; esac
for needed in libxlsxwriter4 libcsv3 libc6; do
  case ", $depends," in *", $needed,"*) ;; *) fail "Depends lacks $needed" ;; esac
done

# Unpacked, away from the repository, with nothing pointing back at it.
root="$work/root"
dpkg-deb -x "$deb" "$root"
kedja="$root/usr/bin/kedja"
echo "binary: $(du -h "$kedja" | cut -f1)"
! ldd "$kedja" | grep -E -i 'swift|Foundation|icu' || fail "the Swift runtime is still linked dynamically"
mkdir "$work/user"
cp SampleData/leverantorsreskontra-2025.csv "$work/user/reskontra.csv"
(cd "$work/user" && env -u KEDJA_TEMPLATES "$kedja" run reskontra.csv --out-dir ut --quiet)
for output in reskontra-taggad.csv reskontra-riskregister.xlsx reskontra-uppfoljningsplan.xlsx \
  reskontra-namndrapport.xlsx; do
  [ -s "$work/user/ut/$output" ] || fail "kedja run wrote no $output"
done
echo "kedja run from $work/user: $(ls "$work/user/ut" | tr '\n' ' ')"
[ "$(cd "$work/user" && "$kedja" --version)" = "$(dpkg-deb -f "$deb" Version)" ] || fail "version"

manual="$(man -l "$root/usr/share/man/man1/kedja.1.gz" 2>/dev/null)"
case "$manual" in *SYNOPSIS*templates*) ;; *) fail "the man page does not render" ;; esac
echo "man page renders ($(wc -l <<<"$manual") lines)"
completion="$(bash -c "source '$root/usr/share/bash-completion/completions/kedja' && complete -p kedja")"
[ -n "$completion" ] || fail "the bash completion does not register"
echo "bash completion: $completion"
for file in usr/share/zsh/vendor-completions/_kedja usr/share/fish/vendor_completions.d/kedja.fish; do
  [ -s "$root/$file" ] || fail "no $file"
done

if $fresh_debian; then
  command -v debootstrap >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap
  chroot_dir="$(mktemp -d /tmp/kedja-deb-root.XXXXXX)"
  echo "debootstrap --variant=minbase bookworm $chroot_dir (minutes) …"
  debootstrap --variant=minbase bookworm "$chroot_dir" http://deb.debian.org/debian >"$work/debootstrap.log" 2>&1 \
    || { tail -20 "$work/debootstrap.log" >&2; fail "debootstrap"; }
  mountpoint -q "$chroot_dir/proc" || mount -t proc proc "$chroot_dir/proc"
  cp /etc/resolv.conf "$chroot_dir/etc/resolv.conf"
  chroot "$chroot_dir" apt-get update -q
  cp "$deb" "$chroot_dir/tmp/"
  cp SampleData/leverantorsreskontra-2025.csv "$chroot_dir/root/"
  chroot "$chroot_dir" sh -c 'command -v swift' && fail "the fresh Debian has Swift"
  chroot "$chroot_dir" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "/tmp/$(basename "$deb")"
  chroot "$chroot_dir" sh -c 'cd /root && kedja run leverantorsreskontra-2025.csv --out-dir ut && ls -l ut'
  [ -s "$chroot_dir/root/ut/leverantorsreskontra-2025-namndrapport.xlsx" ] || fail "kedja run in the fresh Debian"
  echo "fresh Debian bookworm: installed with apt and ran"
fi
echo "check-package.sh: OK ($repo)"
