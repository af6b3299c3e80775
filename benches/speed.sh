#!/usr/bin/env bash
# Benchmark of the judged-once pipeline (issue 8): on an archive of N applications scored by 5
# judges each (synth), the median wall time and peak memory of
#   - reading every archive file once: find applications scores assignments -type f -exec cat {} +
#   - prize validate --format json            (target: within 1.3x of reading)
#   - prize rank --format json                (target: within 1.1x of validate)
#   - python3 ../shared/bench/peer.py ARCHIVE first   (the organiser's stdlib script; prize
#     rank should be at least 10x faster)
#
#   benches/speed.sh [APPLICATIONS] [RUNS] [PEER_RUNS]
#       (defaults: 100000 applications, 5 runs, 3 runs of the peer)
#
# The commands take turns within each run (reading, validate, rank, rank --round first), so that
# a machine that is slower for a while slows all of them alike; besides each command's median,
# the ratios are the medians of the per-run ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
peer=$PWD/../shared/bench/peer.py
source benches/lib.sh
runs=${2:-5}
peer_runs=${3:-3}
prepare "${1:-100000}"

# once COMMAND...: runs COMMAND (stdout to /dev/null) and prints "wall_seconds peak_KiB".
once() {
    local log start end
    log=$(mktemp)
    start=$(date +%s%N)
    /usr/bin/time -f '%M' -o "$log" "$@" > /dev/null 2>&1 || true
    end=$(date +%s%N)
    echo "$(( (end - start) / 1000 )) $(cat "$log")"
    rm -f "$log"
}

labels=(
    "find applications scores assignments -type f -exec cat {} +"
    "prize validate --format json"
    "prize rank --format json"
    "prize rank --round first --format json"
)
results=$(mktemp)
for _ in $(seq "$runs"); do
    {
        once find applications scores assignments -type f -exec cat {} +
        once "$prize" validate --format json
        once "$prize" rank --format json
        once "$prize" rank --round first --format json
    } | paste -sd ' ' >> "$results"
done
peer_results=$(mktemp)
if [ -f "$peer" ]; then
    for _ in $(seq "$peer_runs"); do
        once python3 "$peer" . first >> "$peer_results"
    done
else
    echo "($peer not found: the peer comparison is skipped)"
fi

python3 - "$results" "$peer_results" "${labels[@]}" <<'PY'
import statistics as st
import sys

runs = [list(map(int, line.split())) for line in open(sys.argv[1]) if line.strip()]
peer = [list(map(int, line.split())) for line in open(sys.argv[2]) if line.strip()]
labels = sys.argv[3:]
walls = [[r[2 * i] / 1e6 for r in runs] for i in range(len(labels))]
rss = [[r[2 * i + 1] / 1024 for r in runs] for i in range(len(labels))]
for i, label in enumerate(labels):
    print(f"{label:<62} median {st.median(walls[i]):7.3f} s   peak RSS {st.median(rss[i]):7.1f} MiB"
          f"   (runs: {' '.join(f'{w:.3f}' for w in walls[i])})")
if peer:
    pw = [p[0] / 1e6 for p in peer]
    print(f"{'python3 peer.py ARCHIVE first':<62} median {st.median(pw):7.3f} s   peak RSS "
          f"{st.median(p[1] / 1024 for p in peer):7.1f} MiB   (runs: {' '.join(f'{w:.3f}' for w in pw)})")


def ratio(a, b):
    return st.median(x / y for x, y in zip(walls[a], walls[b]))


print(f"validate / reading: {ratio(1, 0):.2f}x (target <= 1.3)")
print(f"rank / validate: {ratio(2, 1):.2f}x (target <= 1.1)")
if peer:
    print(f"peer / rank: {st.median(pw) / st.median(walls[2]):.1f}x, peer / rank --round first: "
          f"{st.median(pw) / st.median(walls[3]):.1f}x (target >= 10)")
print(f"peak RSS of rank: {max(rss[2]):.1f} MiB at most (target < 400 at 100,000)")
PY
rm -f "$results" "$peer_results"
