#!/usr/bin/env bash
# Benchmark `kedja run` against the pandas and polars baselines on generated ledgers of the given sizes.
#
#   Benchmarks/run.sh [LINES...]                      (default: 1000000 4000000)
#   Benchmarks/run.sh --ledger FILE --suppliers FILE  (an export of your own, e.g. from another generator)
#
# For each size: generate a clean Raindance-style ledger and supplier list once (cached in
# Benchmarks/out/), run `kedja run`, Benchmarks/pandas_baseline.py, Benchmarks/polars_baseline.py and the floor
# (Benchmarks/floor/csv_floor.c: libcsv parse and write-back only) on the same files under GNU time, check kedja,
# pandas and polars report the generator's exact amount total, and print wall time and peak RSS side by side.
# With --ledger the files are used as they are, and the check is that the baselines report kedja's total.
# Without polars (pip install polars) its columns show '-' and the rest is measured as before.
#
# Environment: SWIFT_SCRATCH  scratch path for `swift build` (default: SwiftPM's .build)
#              PYTHON         python interpreter (default: python3)
#              PANDAS_ARGS    extra options for both baselines, split at spaces, e.g.
#                             "--encoding utf-8-sig --sep , --decimal ." (default: Windows-1252, ';', decimal
#                             comma, as Swedish ERP exports; the floor program always reads ';')
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/Benchmarks/out"
python="${PYTHON:-python3}"
sizes=()
own_ledger="" own_suppliers=""
# value OPTION VALUE: VALUE, or exit 64 when the option has none
value() {
    if [ $# -lt 2 ] || [ -z "$2" ] || [[ "$2" == --* ]]; then echo "error: $1 needs a file" >&2; exit 64; fi
    printf '%s' "$2"
}
while [ $# -gt 0 ]; do
    case "$1" in
        --ledger) own_ledger="$(value "$@")" || exit 64; shift 2 ;;
        --suppliers) own_suppliers="$(value "$@")" || exit 64; shift 2 ;;
        *) [[ "$1" =~ ^[1-9][0-9]*$ ]] || { echo "error: '$1' is not a line count" >&2; exit 64; }
           sizes+=("$1"); shift ;;
    esac
done
if [ -n "$own_ledger" ] || [ -n "$own_suppliers" ]; then
    [ -s "$own_ledger" ] && [ -s "$own_suppliers" ] || {
        echo "error: give both --ledger FILE and --suppliers FILE, and both must exist" >&2; exit 64; }
    [ ${#sizes[@]} -eq 0 ] || { echo "error: give either line counts or --ledger, not both" >&2; exit 64; }
fi
[ ${#sizes[@]} -gt 0 ] || [ -n "$own_ledger" ] || sizes=(1000000 4000000)
read -r -a pandas_args <<<"${PANDAS_ARGS:-}"

if [ ! -x /usr/bin/time ] || ! /usr/bin/time -v true >/dev/null 2>&1; then
    echo "error: GNU time (/usr/bin/time -v) is needed to measure peak memory; install it with" >&2
    echo "       apt-get install time" >&2
    exit 69
fi
"$python" -c 'import pandas, xlsxwriter' 2>/dev/null || {
    echo "error: the baseline needs pandas and xlsxwriter: pip install pandas xlsxwriter" >&2; exit 69; }
have_polars=1
"$python" -c 'import polars, xlsxwriter' 2>/dev/null || {
    have_polars=""
    echo "warning: polars is not installed (pip install polars); no polars column" >&2; }
mkdir -p "$out"

# --- build kedja (release); a failure here only disables the kedja column ------------------------
kedja_problem=""
scratch=()
[ -n "${SWIFT_SCRATCH:-}" ] && scratch=(--scratch-path "$SWIFT_SCRATCH")
echo "building kedja (release)…" >&2
if (cd "$root" && swift build -c release --product kedja ${scratch[@]+"${scratch[@]}"} >"$out/build.log" 2>&1); then
    kedja="$(cd "$root" && swift build -c release ${scratch[@]+"${scratch[@]}"} --show-bin-path)/kedja"
    if ! "$kedja" run --help >/dev/null 2>&1; then
        kedja_problem="kedja has no working 'run' command yet ($kedja run --help failed)"
    fi
else
    kedja_problem="swift build -c release failed; see $out/build.log"
fi
[ -z "$kedja_problem" ] || echo "error: $kedja_problem; measuring pandas only" >&2

# --- the floor: libcsv parse + write back with twelve added columns, nothing else (Benchmarks/floor) --------
floor=""
if command -v cc >/dev/null 2>&1 && cc -O2 -o "$out/csv_floor" "$root/Benchmarks/floor/csv_floor.c" -lcsv 2>"$out/floor-build.log"
then
    floor="$out/csv_floor"
else
    echo "warning: could not build Benchmarks/floor/csv_floor.c (see $out/floor-build.log); no floor column" >&2
fi

# seconds and MB from a GNU time -v report
wall_seconds() {
    awk -F': ' '/Elapsed \(wall clock\)/ {
        n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.2f", s }' "$1"
}
peak_mb() { awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$1"; }
json_total() { "$python" -c 'import json,sys; print(json.load(open(sys.argv[1]))["amount_total"])' "$1"; }

# measure NAME SIZE CMD...: run under GNU time; stdout to NAME-SIZE.json; 0 on success
measure() {
    local name="$1" size="$2"; shift 2
    echo "running $name on $size lines…" >&2
    /usr/bin/time -v -o "$out/$name-$size.time" "$@" >"$out/$name-$size.json" 2>"$out/$name-$size.log"
}

rows=()
status=0
runs=()
for size in ${sizes[@]+"${sizes[@]}"}; do runs+=("$size"); done
[ -z "$own_ledger" ] || runs+=("own")
for size in "${runs[@]}"; do
    if [ "$size" = "own" ]; then
        ledger="$own_ledger" suppliers="$own_suppliers" want=""
        size="own-$(basename "$own_ledger" .csv)"
    else
        ledger="$out/ledger-$size.csv" suppliers="$out/suppliers-$size.csv" expected="$out/expected-$size.json"
        if [ ! -s "$expected" ]; then
            echo "generating $size lines…" >&2
            "$python" "$root/scripts/generate_ledger.py" --lines "$size" --clean --out-ledger "$ledger" \
                --out-suppliers "$suppliers" --out-summary "$expected"
        fi
        want="$(json_total "$expected")"
    fi

    k_wall="-" k_rss="-" k_check="-" k_total=""
    if [ -z "$kedja_problem" ]; then
        rm -rf "$out/kedja-$size"
        if measure kedja "$size" "$kedja" run "$ledger" --suppliers "$suppliers" --out-dir "$out/kedja-$size" --json
        then
            k_wall="$(wall_seconds "$out/kedja-$size.time")" k_rss="$(peak_mb "$out/kedja-$size.time")"
            k_total="$(json_total "$out/kedja-$size.json")"
            if [ -z "$want" ]; then k_check="$k_total"
            elif [ "$k_total" = "$want" ]; then k_check="ok"
            else k_check="WRONG"; status=1; fi
        else
            echo "error: kedja run failed on $size lines; see $out/kedja-$size.log" >&2
            k_check="failed"; status=1
        fi
    fi

    f_wall="-"
    if [ -n "$floor" ] && measure floor "$size" "$floor" "$ledger" "$out/floor-$size.csv"; then
        f_wall="$(wall_seconds "$out/floor-$size.time")"
    fi
    rm -f "$out/floor-$size.csv"

    p_wall="-" p_rss="-" p_check="-"
    rm -rf "$out/pandas-$size"
    if measure pandas "$size" "$python" "$root/Benchmarks/pandas_baseline.py" "$ledger" \
        --suppliers "$suppliers" --templates "$root/Templates" --out-dir "$out/pandas-$size" \
        ${pandas_args[@]+"${pandas_args[@]}"}; then
        p_wall="$(wall_seconds "$out/pandas-$size.time")" p_rss="$(peak_mb "$out/pandas-$size.time")"
        p_total="$(json_total "$out/pandas-$size.json")"
        if [ -z "$want" ]; then
            # No generator's total to check against: the two must agree with each other.
            if [ "$p_total" = "${k_total:-}" ]; then p_check="same"; k_check="same"
            else p_check="$p_total"; status=1; fi
        elif [ "$p_total" = "$want" ]; then p_check="ok"
        else p_check="WRONG"; status=1; fi
    else
        echo "error: the pandas baseline failed on $size lines; see $out/pandas-$size.log" >&2
        p_check="failed"; status=1
    fi

    l_wall="-" l_rss="-" l_check="-"
    if [ -n "$have_polars" ]; then
        rm -rf "$out/polars-$size"
        if measure polars "$size" "$python" "$root/Benchmarks/polars_baseline.py" "$ledger" \
            --suppliers "$suppliers" --templates "$root/Templates" --out-dir "$out/polars-$size" \
            ${pandas_args[@]+"${pandas_args[@]}"}; then
            l_wall="$(wall_seconds "$out/polars-$size.time")" l_rss="$(peak_mb "$out/polars-$size.time")"
            l_total="$(json_total "$out/polars-$size.json")"
            if [ -z "$want" ]; then
                if [ "$l_total" = "${k_total:-}" ]; then l_check="same"; else l_check="$l_total"; status=1; fi
            elif [ "$l_total" = "$want" ]; then l_check="ok"
            else l_check="WRONG"; status=1; fi
        else
            echo "error: the polars baseline failed on $size lines; see $out/polars-$size.log" >&2
            l_check="failed"; status=1
        fi
    fi

    ratio_time="-" ratio_rss="-" ratio_floor="-" lratio_time="-" lratio_rss="-"
    if [ "$k_wall" != "-" ] && [ "$p_wall" != "-" ]; then
        ratio_time="$(awk -v p="$p_wall" -v k="$k_wall" 'BEGIN { printf "%.1fx", (k > 0 ? p / k : 0) }')"
        ratio_rss="$(awk -v p="$p_rss" -v k="$k_rss" 'BEGIN { printf "%.1fx", (k > 0 ? p / k : 0) }')"
    fi
    if [ "$k_wall" != "-" ] && [ "$l_wall" != "-" ]; then
        lratio_time="$(awk -v p="$l_wall" -v k="$k_wall" 'BEGIN { printf "%.1fx", (k > 0 ? p / k : 0) }')"
        lratio_rss="$(awk -v p="$l_rss" -v k="$k_rss" 'BEGIN { printf "%.1fx", (k > 0 ? p / k : 0) }')"
    fi
    if [ "$k_wall" != "-" ] && [ "$f_wall" != "-" ]; then
        ratio_floor="$(awk -v f="$f_wall" -v k="$k_wall" 'BEGIN { printf "%.2fx", (f > 0 ? k / f : 0) }')"
    fi
    rows+=("$size|$k_wall|$k_rss|$k_check|$p_wall|$p_rss|$p_check|$ratio_time|$ratio_rss|$l_wall|$l_rss|$l_check|$lratio_time|$lratio_rss|$f_wall|$ratio_floor")
done

echo
printf '%10s | %8s %9s %6s | %8s %9s %6s %6s %6s | %8s %9s %6s %6s %6s | %8s %11s\n' lines "kedja s" "kedja MB" \
    total "pandas s" "pandas MB" total "time" "RSS" "polars s" "polars MB" total "time" "RSS" "floor s" "kedja/floor"
for row in "${rows[@]}"; do
    IFS='|' read -r size kw kr kc pw pr pc rt rr lw lr lc lt lrr fw rf <<<"$row"
    printf '%10s | %8s %9s %6s | %8s %9s %6s %6s %6s | %8s %9s %6s %6s %6s | %8s %11s\n' \
        "$size" "$kw" "$kr" "$kc" "$pw" "$pr" "$pc" "$rt" "$rr" "$lw" "$lr" "$lc" "$lt" "$lrr" "$fw" "$rf"
done
echo "(wall seconds and peak RSS from /usr/bin/time -v; time, RSS = the baseline's / kedja's; total = amount_total"
echo " equals the generator's, or same = the baseline reports kedja's total on a file of your own;"
echo " floor = Benchmarks/floor/csv_floor.c, libcsv parse and write-back with twelve added columns)"
if [ -n "$kedja_problem" ]; then
    echo "kedja not measured: $kedja_problem" >&2
    status=1
fi
exit "$status"
