#!/usr/bin/env bash
# Benchmark of spec section 8's commands (issue 9): the median wall time and peak memory of
#   - prize judges and prize agreement on the sample archive, data/sscp-2026 (target: < 50 ms
#     each);
#   - the same on an archive of N applications scored by 5 judges each (synth), beside
#     prize validate, the reading and checking that every command does first (the difference is
#     the judging of the rounds and the command's own work).
#
#   benches/trust.sh [APPLICATIONS] [RUNS]       (defaults: 20000 applications, 5 runs)
set -euo pipefail
cd "$(dirname "$0")/.."
source benches/lib.sh
runs=${2:-5}
sample=$PWD/data/sscp-2026
prepare "${1:-20000}"

for command in judges agreement; do
    measure "sscp-2026: prize $command --format json" "$prize" -C "$sample" "$command" --format json
done
measure "prize validate --format json" "$prize" validate --format json
for command in judges agreement; do
    measure "prize $command --format json" "$prize" "$command" --format json
done
# The commands' own work, after reading and judging (the -v note of one run each).
for command in judges agreement; do
    "$prize" -v "$command" --format json 2>&1 > /dev/null | grep -E "^note: (assessed|measured)" || true
done
