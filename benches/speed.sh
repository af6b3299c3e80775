#!/usr/bin/env bash
# Benchmark of the judged-once pipeline (issue 8): on an archive of N applications scored by 5
# judges each (synth), the median wall time and peak memory of
#   - reading every archive file once: find applications scores assignments -type f -exec cat {} +
#   - prize validate --format json            (target: within 1.3x of reading)
#   - prize rank --format json                (target: within 1.1x of validate)
#   - python3 ../shared/bench/peer.py ARCHIVE first   (the organiser's stdlib script; prize
#     rank should be at least 10x faster)
#
#   benches/speed.sh [APPLICATIONS] [RUNS]       (defaults: 100000 applications, 5 runs)
set -euo pipefail
cd "$(dirname "$0")/.."
peer=$PWD/../shared/bench/peer.py
source benches/lib.sh
runs=${2:-5}
prepare "${1:-100000}"

measure "find applications scores assignments -type f -exec cat {} +" \
    find applications scores assignments -type f -exec cat {} +
measure "prize validate --format json" "$prize" validate --format json
measure "prize rank --format json" "$prize" rank --format json
measure "prize rank --round first --format json" "$prize" rank --round first --format json
if [ -f "$peer" ]; then
    measure "python3 peer.py ARCHIVE first" python3 "$peer" . first
else
    echo "($peer not found: the peer comparison is skipped)"
fi
