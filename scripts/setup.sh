#!/usr/bin/env bash
# Installs what Kedja needs on a Debian machine: the two C libraries and pkg-config. With `--test`, also what
# the tests use as independent checks: openpyxl (reads the workbooks back), LibreOffice headless (opens them)
# and poppler (renders a page); and GNU time and pandas/XlsxWriter for the benchmark.
# Idempotent: it installs only what is missing. Swift itself (6.x) must already be on PATH.
set -euo pipefail

need_apt=()
mode="${1:-}"
packages=(libxlsxwriter-dev libcsv-dev pkg-config)
[ "$mode" = "--test" ] && packages+=(libreoffice-calc-nogui poppler-utils time iso-codes)
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || need_apt+=("$package")
done
if [ ${#need_apt[@]} -gt 0 ]; then
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need_apt[@]}"
fi

if [ "$mode" = "--test" ]; then
  python3 -c 'import openpyxl, pandas, xlsxwriter' 2>/dev/null \
    || python3 -m pip install -q openpyxl pandas xlsxwriter \
    || python3 -m pip install -q --break-system-packages openpyxl pandas xlsxwriter
fi

command -v swift >/dev/null || { echo "swift is not on PATH: install Swift 6 from swift.org first." >&2; exit 1; }
