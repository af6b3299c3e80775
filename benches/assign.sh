#!/usr/bin/env bash
# Benchmark: `prize assign` with K = 5 on an archive of N applications and N/100 judges (synth;
# N = 100000 gives about 96,000 eligible applications and 875 judges serving in the first round),
# beside `prize validate`, which loads and checks the same archive: the difference is the
# assignment itself. --dry-run keeps the archive as it is, so that every run does the same work.
#
#   benches/assign.sh [APPLICATIONS] [RUNS]       (defaults: 100000 applications, 5 runs)
set -euo pipefail
cd "$(dirname "$0")/.."
source benches/lib.sh
runs=${2:-5}
prepare "${1:-100000}"

measure "prize validate --format json" "$prize" validate --format json
measure "prize assign --per-application 5 --dry-run" \
    "$prize" assign --round first --per-application 5 --dry-run --format json
measure "prize assign --per-application 3 --dry-run" \
    "$prize" assign --round first --per-application 3 --dry-run --format json
# The assignment alone (without loading the archive), and what the report says about it.
"$prize" -v assign --round first --per-application 5 --dry-run --format json 2>&1 > /dev/null | grep 'assigned in' || true
"$prize" assign --round first --per-application 5 --dry-run --format json 2> /dev/null \
    | awk '/^  "(applications|judges|assignments|max_pair|pairs_at_max|connected)":|^    "(min|max)":/ { gsub(/[ ,]/, ""); printf "%s  ", $0 } END { print "" }'
