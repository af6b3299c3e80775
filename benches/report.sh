#!/usr/bin/env bash
# Benchmark of section 9's committee report (issue 10): the median wall time, peak memory and
# file size of `prize report`
#   - on the sample archive, data/sscp-2026, with its stability figures at 1000 samples
#     (target: under 1 s);
#   - on an archive of N applications scored by 5 judges each (synth): its finalist pages are
#     only the last round's competitors, so the file stays small while the stability figures of
#     each round take the time.
#
#   benches/report.sh [APPLICATIONS] [SAMPLES] [RUNS]   (defaults: 20000 applications,
#                                                       1000 samples, 5 runs)
set -euo pipefail
cd "$(dirname "$0")/.."
source benches/lib.sh
runs=${3:-5}
samples=${2:-1000}
sample=$PWD/data/sscp-2026
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cargo build --release --quiet --bin prize
prize=$PWD/target/release/prize

size() {
    printf '%-48s %s bytes\n' "$1: file size" "$(wc -c < "$2")"
}

measure "sample: prize report (1000 samples)" "$prize" -C "$sample" report --out - --samples 1000
"$prize" -q -C "$sample" report --out "$out/sample.html" --samples 1000 > /dev/null
size "sample" "$out/sample.html"
measure "sample: prize rank (the reading and judging alone)" "$prize" -C "$sample" rank --format json

prepare "${1:-20000}"
measure "prize report --samples $samples" "$prize" report --out - --samples "$samples"
"$prize" -q report --out "$out/big.html" --samples "$samples" > /dev/null || true
size "$(find applications -name '*.toml' | wc -l) applications" "$out/big.html"
echo "finalist pages: $(grep -o 'class="finalist"' "$out/big.html" | wc -l)"
measure "prize report --samples 1" "$prize" report --out - --samples 1
measure "prize rank --round first (the reading and judging alone)" "$prize" rank --round first --format json
