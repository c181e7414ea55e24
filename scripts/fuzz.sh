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
# Corpus: fuzz/corpus/ (committed seeds), fuzz/regressions/ (every crash found so far, named by finding, so
# each run replays them first) and, read-only, the third-party conformance CSVs under
# ../shared/testdata/csv-conformance when present. New interesting inputs go to fuzz/corpus-run/ (ignored
# by git); the binaries, job logs and crash inputs go to .build-libfuzzer/. Copy every new crash into
# fuzz/regressions/ and add it as a test in Tests/TabularTests/FuzzRegressionTests.swift.
#
# Environment: FUZZ_FLAGS adds libFuzzer flags (e.g. FUZZ_FLAGS="-runs=1000"); FUZZ_REPRODUCE=FILE runs
# one input (a crash artifact) instead of fuzzing; FUZZ_COVERAGE=1 runs every corpus input once through a
# coverage build instead and prints line coverage per Tabular source file (llvm-cov).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

seconds="${1:-60}"
jobs="${2:-1}"
work="$root/.build-libfuzzer"
mkdir -p "$work/artifacts" "$root/fuzz/corpus-run"

sources=(fuzz/*.swift Sources/Tabular/CSV/*.swift Sources/Tabular/Text/*.swift Sources/Tabular/Values/*.swift
    Sources/Tabular/Files/*.swift)
newest_source=$(ls -t "${sources[@]}" "$0" | head -n 1)

# compile OUTPUT SWIFTC_FLAGS...: builds the fuzz entry and the sources when any of them is newer.
compile() {
    local output=$1
    shift
    [[ -x "$output" && ! "$newest_source" -nt "$output" ]] && return 0
    echo "fuzz.sh: compiling $output" >&2
    # The linker warns about every ASan helper symbol; keep that noise in a log, shown only on failure.
    if ! swiftc "$@" -parse-as-library -module-name Tabular -swift-version 6 -enable-upcoming-feature ExistentialAny \
        -I Sources/CCSV -lcsv "${sources[@]}" -o "$output" > "$output.log" 2>&1; then
        grep -v "Cannot export local symbol" "$output.log" >&2
        exit 1
    fi
}

corpora=("$root/fuzz/corpus-run" "$root/fuzz/corpus" "$root/fuzz/regressions")
if [[ -d ../shared/testdata/csv-conformance ]]; then
    while IFS= read -r folder; do corpora+=("$folder"); done \
        < <(find "$(cd ../shared/testdata/csv-conformance && pwd)" -type f \( -name '*.csv' -o -name '*.txt' \) \
            -printf '%h\n' | sort -u)
fi

# Crashes are reported by libFuzzer; the Swift runtime's own backtracer would only slow each one down.
export SWIFT_BACKTRACE=enable=no

if [[ -n "${FUZZ_COVERAGE:-}" ]]; then
    binary="$work/fuzz-tabular-coverage"
    compile "$binary" -sanitize=fuzzer -profile-generate -profile-coverage-mapping -Onone
    rm -f "$work"/coverage-*.profraw
    LLVM_PROFILE_FILE="$work/coverage-%p.profraw" "$binary" "${corpora[@]}" -runs=0 2> "$work/coverage-run.log"
    # The toolchain's own LLVM tools: a distribution's llvm-profdata may not read this profile version.
    toolchain=$(dirname "$(command -v swiftc)")
    "$toolchain/llvm-profdata" merge -sparse "$work"/coverage-*.profraw -o "$work/coverage.profdata"
    "$toolchain/llvm-cov" report "$binary" -instr-profile="$work/coverage.profdata" \
        Sources/Tabular/CSV Sources/Tabular/Text Sources/Tabular/Values
    exit 0
fi

binary="$work/fuzz-tabular"
compile "$binary" -sanitize=fuzzer,address -O -g

if [[ -n "${FUZZ_REPRODUCE:-}" ]]; then
    exec "$binary" "$FUZZ_REPRODUCE"
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
