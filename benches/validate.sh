#!/usr/bin/env bash
# Benchmark: `prize validate --format json` against reading every archive file once.
#
#   benches/validate.sh [APPLICATIONS] [RUNS]      (defaults: 100000 applications, 5 runs)
#
# Generates the archive with the synth example (once; kept in $PRIZE_BENCH_DIR or
# /tmp/prize-bench-N), warms the cache, then reports the median wall time and the median peak
# memory (max RSS, from /usr/bin/time -v) of each command over RUNS runs.
set -euo pipefail
cd "$(dirname "$0")/.."
source benches/lib.sh
runs=${2:-5}
prepare "${1:-100000}"

measure "find applications -name '*.toml' -exec cat {} +" find applications -name '*.toml' -exec cat {} +
measure "prize validate --format json" "$prize" validate --format json
