#!/usr/bin/env bash
# Fuzz Tabular's CSV reader, CSV writer and value parsers with libFuzzer (GitHub issue 6).
#
# Usage: scripts/fuzz.sh [SECONDS] [JOBS]      (defaults: 60 seconds, 1 job)
#
# SwiftPM cannot build a libFuzzer target (its own `main` wins and the binary does nothing), so the entry
# point in fuzz/ is compiled straight with swiftc together with the Tabular sources it exercises, as module
# `Tabular`, under -sanitize=fuzzer,address. Only the CSV, Text, Values and Files folders are needed: the
# XLSX parts (libxlsxwriter, ZIPFoundation) stay out.
#
# Corpus: fuzz/corpus/ (committed seeds) and, read-only, the third-party conformance CSVs under
# ../shared/testdata/csv-conformance when present. New interesting inputs go to fuzz/corpus-run/ (ignored
# by git); the binary, job logs and crash inputs go to .build-libfuzzer/. Add every crash as a test in
# Tests/TabularTests/FuzzRegressionTests.swift.
#
# Environment: FUZZ_FLAGS adds libFuzzer flags (e.g. FUZZ_FLAGS="-runs=1000"); FUZZ_REPRODUCE=FILE runs
# one input (a crash artifact) instead of fuzzing.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

seconds="${1:-60}"
jobs="${2:-1}"
work="$root/.build-libfuzzer"
binary="$work/fuzz-tabular"
mkdir -p "$work/artifacts" "$root/fuzz/corpus-run"

sources=(fuzz/*.swift Sources/Tabular/CSV/*.swift Sources/Tabular/Text/*.swift Sources/Tabular/Values/*.swift
    Sources/Tabular/Files/*.swift)
newest_source=$(ls -t "${sources[@]}" "$0" | head -n 1)
if [[ ! -x "$binary" || "$newest_source" -nt "$binary" ]]; then
    echo "fuzz.sh: compiling $binary" >&2
    # The linker warns about every ASan helper symbol; keep that noise in a log, shown only on failure.
    if ! swiftc -sanitize=fuzzer,address -parse-as-library -module-name Tabular \
        -swift-version 6 -enable-upcoming-feature ExistentialAny \
        -O -g -I Sources/CCSV -lcsv \
        "${sources[@]}" -o "$binary" > "$work/compile.log" 2>&1; then
        grep -v "Cannot export local symbol" "$work/compile.log" >&2
        exit 1
    fi
fi

# Crashes are reported by libFuzzer; the Swift runtime's own backtracer would only slow each one down.
export SWIFT_BACKTRACE=enable=no

if [[ -n "${FUZZ_REPRODUCE:-}" ]]; then
    exec "$binary" "$FUZZ_REPRODUCE"
fi

corpora=("$root/fuzz/corpus-run" "$root/fuzz/corpus")
if [[ -d ../shared/testdata/csv-conformance ]]; then
    while IFS= read -r folder; do corpora+=("$folder"); done \
        < <(find "$(cd ../shared/testdata/csv-conformance && pwd)" -type f \( -name '*.csv' -o -name '*.txt' \) \
            -printf '%h\n' | sort -u)
fi

parallel=()
if ((jobs > 1)); then
    parallel=(-jobs="$jobs" -workers="$jobs")
    cd "$work"  # each job logs to fuzz-N.log in the current folder
fi

# -max_len 4096: records, quoting and the fuzz limits (96-byte fields, 24 fields) all show within a few
# kilobytes. -rss_limit_mb / -timeout: a slow or memory-hungry input is a finding too.
# shellcheck disable=SC2086
"$binary" "${corpora[@]}" "${parallel[@]}" \
    -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=2048 -dict="$root/fuzz/csv.dict" \
    -artifact_prefix="$work/artifacts/" -print_final_stats=1 ${FUZZ_FLAGS:-}
