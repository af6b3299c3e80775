#!/usr/bin/env bash
# Benchmark of section 8's compare and stability (issue 9): the median wall time and peak memory of
#   - prize compare and prize stability (1000 samples) on the sample archive, data/sscp-2026
#     (targets: compare under 50 ms, stability under 1 s);
#   - prize stability --round first on an archive of N applications scored by 5 judges each
#     (synth), with few samples, to give the time per sample at that size.
#
#   benches/stability.sh [APPLICATIONS] [SAMPLES] [RUNS]   (defaults: 20000 applications,
#                                                           201 samples, 5 runs)
set -euo pipefail
cd "$(dirname "$0")/.."
source benches/lib.sh
runs=${3:-5}
samples=${2:-201}
sample=$PWD/data/sscp-2026
cargo build --release --quiet --bin prize
prize=$PWD/target/release/prize

measure "sample: prize compare" "$prize" -C "$sample" compare --format json
measure "sample: prize compare --round first" "$prize" -C "$sample" compare --round first --format json
measure "sample: prize stability (1000 samples)" "$prize" -C "$sample" stability --format json
measure "sample: prize stability --round first (1000)" "$prize" -C "$sample" stability --round first --format json
measure "sample: prize rank (the reading and judging alone)" "$prize" -C "$sample" rank --format json

prepare "${1:-20000}"
measure "prize rank --round first" "$prize" rank --round first --format json
measure "prize stability --round first --samples 1" "$prize" stability --round first --samples 1 --format json
measure "prize stability --round first --samples $samples" "$prize" stability --round first --samples "$samples" --format json
echo "time per sample: the difference of the last two lines over $(( samples - 1 )) samples (on a busy"
echo "machine compare the CPU time: /usr/bin/time -f %U prize stability --round first --samples N)"
measure "prize compare --round first" "$prize" compare --round first --format json
