#!/usr/bin/env bash
# Sets up what is missing, builds Kedja (release) and runs the main job on the bundled sample data,
# writing the enriched ledger, risk register, follow-up plan and committee report into Reports/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build -c release --product kedja
kedja="$(swift build -c release --show-bin-path)/kedja"
"$kedja" inspect SampleData/leverantorsreskontra-2025.csv
"$kedja" run SampleData/leverantorsreskontra-2025.csv --suppliers SampleData/leverantorer.csv --out-dir Reports "$@"
