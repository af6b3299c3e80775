#!/usr/bin/env bash
# Benchmark: `prize validate --format json` against reading every application file once.
#
#   benches/validate.sh [APPLICATIONS] [RUNS]      (defaults: 100000 applications, 5 runs)
#
# Generates the archive with the synth example (once; kept in $PRIZE_BENCH_DIR or
# /tmp/prize-bench-N), warms the cache, then reports the median wall time and the median peak
# memory (max RSS, from /usr/bin/time -v) of each command over RUNS runs.
set -euo pipefail
cd "$(dirname "$0")/.."

n=${1:-100000}
runs=${2:-5}
dir=${PRIZE_BENCH_DIR:-/tmp/prize-bench-$n}
judges=$(( n / 100 > 16 ? n / 100 : 16 ))

cargo build --release --quiet --bin prize --example synth
prize=$PWD/target/release/prize
if [ ! -f "$dir/prize.toml" ]; then
    echo "generating $n applications in $dir ..." >&2
    ./target/release/examples/synth --preset sscp-2026 --applications "$n" --judges "$judges" --seed 7 --out "$dir" --force
fi
cd "$dir"

# measure LABEL COMMAND...: prints the median wall seconds and median max RSS (MiB).
measure() {
    local label=$1; shift
    local walls=() rsss=()
    for _ in $(seq "$runs"); do
        local log
        log=$(mktemp)
        /usr/bin/time -v "$@" > /dev/null 2> "$log" || true
        local wall rss
        wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$log")
        rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$log")
        walls+=("$wall"); rsss+=("$rss")
        rm -f "$log"
    done
    local mw mr
    mw=$(printf '%s\n' "${walls[@]}" | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }')
    mr=$(printf '%s\n' "${rsss[@]}" | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }')
    printf '%-48s median %7.3f s   peak RSS %8.1f MiB   (runs: %s s)\n' "$label" "$mw" "$(awk -v k="$mr" 'BEGIN { print k / 1024 }')" "${walls[*]}"
}

files=$(find applications -name '*.toml' | wc -l)
bytes=$(find applications -name '*.toml' -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
echo "archive: $dir, $files application files, $(( bytes / 1024 / 1024 )) MiB; $(nproc) cores, $(free -g | awk '/Mem:/ { print $2 }') GiB"
# Warm the page cache.
find applications -name '*.toml' -exec cat {} + > /dev/null
$prize validate --format json > /dev/null || true

measure "find applications -name '*.toml' -exec cat {} +" find applications -name '*.toml' -exec cat {} +
measure "prize validate --format json" "$prize" validate --format json
