# Shared by the benchmark scripts: building, generating an archive, and measuring commands.

# prepare N: builds prize and synth (release), generates N applications with 5 judges each in
# $dir unless it is there, and cds into it. Sets $prize.
prepare() {
    local n=$1
    dir=${PRIZE_BENCH_DIR:-/tmp/prize-bench-$n}
    local judges=$(( n / 100 > 16 ? n / 100 : 16 ))
    cargo build --release --quiet --bin prize --example synth
    prize=$PWD/target/release/prize
    if [ ! -f "$dir/prize.toml" ] || [ ! -d "$dir/scores" ]; then
        echo "generating $n applications and their first-round sheets in $dir ..." >&2
        ./target/release/examples/synth --preset sscp-2026 --applications "$n" --judges "$judges" --seed 7 --out "$dir" --force
    fi
    cd "$dir"
    local files rows
    files=$(find applications -name '*.toml' | wc -l)
    rows=$(find scores -name '*.csv' -exec cat {} + 2>/dev/null | wc -l)
    echo "archive: $dir, $files application files, $rows sheet lines; $(nproc) cores, $(free -g | awk '/Mem:/ { print $2 }') GiB"
    # Warm the page cache.
    find applications scores -type f -exec cat {} + > /dev/null
}

# measure LABEL COMMAND...: runs COMMAND $runs times (stdout to /dev/null) and prints the
# median wall seconds and the median peak RSS (MiB) from /usr/bin/time -v.
measure() {
    local label=$1; shift
    local walls=() rsss=()
    for _ in $(seq "$runs"); do
        local log
        log=$(mktemp)
        /usr/bin/time -v "$@" > /dev/null 2> "$log" || true
        walls+=("$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$log")")
        rsss+=("$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$log")")
        rm -f "$log"
    done
    local mw mr
    mw=$(printf '%s\n' "${walls[@]}" | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }')
    mr=$(printf '%s\n' "${rsss[@]}" | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }')
    printf '%-48s median %7.3f s   peak RSS %8.1f MiB   (runs: %s s)\n' "$label" "$mw" "$(awk -v k="$mr" 'BEGIN { print k / 1024 }')" "${walls[*]}"
}
