#!/usr/bin/env bash
# Benchmark: `prize applications import` of an N-row form export (CSV, the columns of the
# intake.toml that `prize init` writes) into a fresh `prize init` archive: every row made a file,
# checked as `validate` checks it, and written atomically; then the same import again (every file
# unchanged), and a --dry-run (the checks without writing).
#
#   benches/intake.sh [ROWS] [RUNS]       (defaults: 20000 rows, 5 runs)
set -euo pipefail
cd "$(dirname "$0")/.."
source benches/lib.sh
rows=${1:-20000}
runs=${2:-5}
cargo build --release --quiet --bin prize
prize=$PWD/target/release/prize
dir=${PRIZE_BENCH_DIR:-/tmp/prize-bench-intake-$rows}
rm -rf "$dir"
mkdir -p "$dir"
"$prize" -q init "$dir/archive"
export_file=$dir/form-export.csv
awk -v n="$rows" 'BEGIN {
    print "Timestamp,Project title,Track,Sector,Applicant type,Applicant name,Country code,City,Organization,Contact e-mail,Project summary,Project status,Operating since,Who benefits,Website,Budget (USD),How did you hear about the prize?"
    split("Tech-InnovaCity Human-CentriCity Leadership", tracks, " ")
    split("Mobility / Transport|Safety / Security|Welfare / Health|Environment|Energy|Culture / Tourism|Governance / Participation", sectors, "|")
    split("City government|Public institution|Company", kinds, "|")
    split("CO KR BR CA CH PT ES FR DE MX", countries, " ")
    for (i = 0; i < n; i++) {
        track = tracks[i % 3 + 1]
        kind = (track == "Leadership") ? "Individual" : kinds[int(i / 3) % 3 + 1]
        day = 1 + i % 27; hour = i % 24; minute = int(i / 24) % 60; second = int(i / 1440) % 60
        printf "%02d/05/2026 %02d:%02d:%02d,\"Project %d: \"\"Safe Routes\"\"\",%s,%s,%s,Applicant %d,%s,City %d,Office %d,contact%d@example.org,", day, hour, minute, second, i, track, sectors[i % 7 + 1], kind, i, countries[i % 10 + 1], i, i, i
        printf "\"Crossings timed for older residents, with slow-walk buttons; %d intersections so far.\nOpen every day.\",", i % 300
        printf "%s,2024-%02d-01,older adults; people with disabilities,https://project%d.example.org,%d,WeGO newsletter\n", (i % 2 ? "Pilot" : "In operation"), 1 + i % 12, i, 50000 + i
    }
}' > "$export_file"
cd "$dir/archive"
echo "$rows rows, $(wc -c < "$export_file") bytes" >&2
measure "applications import (new files)" \
    bash -c "rm -rf applications && mkdir applications && exec \"$prize\" applications import --map intake.toml \"$export_file\""
measure "applications import (again: all unchanged)" \
    "$prize" applications import --map intake.toml "$export_file"
measure "applications import --dry-run" \
    "$prize" applications import --dry-run --map intake.toml "$export_file"
measure "validate (the imported archive)" "$prize" validate --format json
"$prize" applications import --map intake.toml "$export_file" | tail -1
