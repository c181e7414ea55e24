#!/usr/bin/env bash
# Builds a Debian package of Kedja: OUT_DIR/kedja_VERSION_ARCH.deb (OUT_DIR defaults to dist/).
#
#   scripts/package-deb.sh [OUT_DIR]
#   KEDJA_MAINTAINER='Name <mail>' scripts/package-deb.sh     overrides the Maintainer field (default: git's user)
#
# Why: a procurement officer's machine gets Kedja with `apt install ./kedja_….deb` and no Swift. The files come
# from scripts/install.sh (static Swift stdlib, rule tables compiled in, man page, completions) staged under
# DESTDIR with PREFIX /usr. Depends is computed, not written by hand: every library `ldd` still lists is looked up
# with `dpkg -S`, so it names the runtime packages (libxlsxwriter4, libcsv3, libc6 …), never the -dev ones.
# VERSION is the version string in Sources/kedja/Kedja.swift; ARCH is `dpkg --print-architecture`.
set -euo pipefail
cd "$(dirname "$0")/.."

out_dir="${1:-dist}"
version="$(sed -n 's/^ *version: "\([^"]*\)",$/\1/p' Sources/kedja/Kedja.swift)"
[ -n "$version" ] || { echo "package-deb.sh: no version string in Sources/kedja/Kedja.swift" >&2; exit 1; }
arch="$(dpkg --print-architecture)"
maintainer="${KEDJA_MAINTAINER:-$(git config user.name 2>/dev/null || true) <$(git config user.email 2>/dev/null || true)>}"
[ "$maintainer" = " <>" ] && maintainer="Kedja maintainers <kedja@localhost>"

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
chmod 0755 "$stage"
DESTDIR="$stage" scripts/install.sh /usr

# The package that owns a library path. With merged /usr, ldd may name /lib/… while dpkg recorded /usr/lib/…
# (or the other way round), and a soname link may be recorded only under its target's name: try each spelling.
owner_of() {
  local path="$1" real candidate
  real="$(readlink -f "$path")"
  for candidate in "$path" "$real" "/usr$path" "/usr$real" "${path#/usr}" "${real#/usr}"; do
    dpkg -S "$candidate" 2>/dev/null | sed -n '1s/^\([^:,]*\).*/\1/p' | grep . && return 0
  done
  echo "package-deb.sh: no Debian package owns $path (a locally built library?)" >&2
  return 1
}

libraries="$(ldd "$stage/usr/bin/kedja" | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }')"
packages=()
for library in $libraries; do
  owner="$(owner_of "$library")"
  packages+=("$owner")
done
depends="$(printf '%s\n' "${packages[@]}" | sort -u | paste -sd, | sed 's/,/, /g')"

install -d "$stage/DEBIAN" "$stage/usr/share/doc/kedja"
gzip -9n <README.md >"$stage/usr/share/doc/kedja/README.md.gz"
install -m 0644 NOTICE "$stage/usr/share/doc/kedja/copyright"
installed_size="$(du -sk --exclude=DEBIAN "$stage" | cut -f1)"
cat >"$stage/DEBIAN/control" <<EOF
Package: kedja
Version: $version
Architecture: $arch
Maintainer: $maintainer
Installed-Size: $installed_size
Depends: $depends
Section: utils
Priority: optional
Description: risk registers and follow-up plans from ERP spend exports
 Kedja reads the spend export (CSV or XLSX) an ERP system produces as it is,
 tags every line with the four risk areas of the Swedish procurement agency's
 purchasing model for responsible supply chains (human rights, labour rights,
 environment, anti-corruption), and writes a risk register, a follow-up plan,
 a committee report (Excel workbooks) and an enriched CSV in the input's own
 dialect. The rule tables are built in; "kedja templates export" writes them
 out for editing.
 .
 Riskregister och uppföljningsplaner ur leverantörsreskontran. Kedja läser
 affärssystemets export (CSV eller XLSX) som den är, märker varje rad med
 Upphandlingsmyndighetens fyra riskområden för hållbara leveranskedjor
 (mänskliga rättigheter, arbetsrätt, miljö, antikorruption) och skriver ett
 riskregister, en uppföljningsplan, en nämndrapport (Excel-arbetsböcker) och
 en berikad CSV i indatafilens eget format.
EOF

mkdir -p "$out_dir"
deb="$out_dir/kedja_${version}_${arch}.deb"
dpkg-deb --build --root-owner-group "$stage" "$deb"
echo "Built $deb ($(du -h "$deb" | cut -f1)) with Depends: $depends"
