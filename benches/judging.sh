#!/usr/bin/env bash
# Benchmark: `prize rank` with each method and `prize winners`, beside `prize validate`, on an
# archive of N applications scored by 5 judges each (synth; N = 100000 gives about 480,000
# score rows, the eligible applications × 5).
#
#   benches/judging.sh [APPLICATIONS] [RUNS]       (defaults: 100000 applications, 5 runs)
set -euo pipefail
cd "$(dirname "$0")/.."
source benches/lib.sh
runs=${2:-5}
prepare "${1:-100000}"

measure "prize validate --format json" "$prize" validate --format json
for method in mean median trimmed zscore rank bias; do
    measure "prize rank --method $method --format json" "$prize" rank --method "$method" --format json
done
measure "prize winners --format json" "$prize" winners --format json
