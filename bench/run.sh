#!/usr/bin/env bash
# reader's benchmarks:  bench/run.sh PATH/TO/release/reader   (what `make bench` runs)
#
# Each reader command is timed as a whole process (start-up included: that is
# what a user waits for) beside a floor that bounds it from below:
#   - `reader list --json` over a generated 10,000-article library, against
#     `cat` of every article: list must at least read the files it lists;
#   - `reader show big-article.txt --width 80` (one 2 MiB article; target
#     <= 0.15 s), against `cat` of the same file;
#   - the peak RSS of each reader command (from /usr/bin/time -f %M);
#   - the interactive reader, in a second table: ReaderBench (built beside the
#     reader binary) times in process, per key on the big article at 100x30,
#     reduce + render + diff (median and worst of $BENCH_KEY_RUNS, default 100;
#     budget 5 ms each), and start-up to the first full screen (budget 0.2 s),
#     which is also timed as a whole process (`ReaderBench --startup-only`).
# Times are the median (min-max) of $BENCH_RUNS runs (default 5) after one
# warm-up run, so the page cache is warm for reader and floor alike.  The
# ratio is left out when the floor takes under 10 ms: it would only measure
# process start-up.  bench/measure.py does the timing.
#
# The corpus is generated once by ../shared/tools/gen-corpus (override: env
# GEN_CORPUS) and kept in bench/out/corpus.  State, cache and config go to a
# temporary directory, so nothing touches $HOME.  Prints two markdown tables.
#
# To add a row: `measure NAME CMD...` (options: --runs N, --prep SHELL_CMD run
# untimed before each run), then `row WHAT NAME [FLOOR_NAME FLOOR_LABEL [TARGET_S]]`.
set -euo pipefail

die() { echo "bench/run.sh: $*" >&2; exit 1; }

HERE=$(cd "$(dirname "$0")" && pwd)
[[ $# -ge 1 ]] || die "usage: bench/run.sh PATH/TO/release/reader"
[[ -f $1 && -x $1 ]] || die "no reader binary at '$1' (build it with 'make release')"
BIN=$(realpath "$1")
RB=$(dirname "$BIN")/ReaderBench
[[ -x $RB ]] || die "no ReaderBench beside the reader binary at '$RB' (build with 'make release')"
GEN=${GEN_CORPUS:-$HERE/../../shared/tools/gen-corpus}
[[ -f $GEN ]] || die "no corpus generator at '$GEN' (set GEN_CORPUS)"
command -v python3 >/dev/null || die "python3 is needed"
[[ -x /usr/bin/time ]] || die "/usr/bin/time is needed for peak RSS (Debian package 'time')"
RUNS=${BENCH_RUNS:-5}
KEY_RUNS=${BENCH_KEY_RUNS:-100}

# --- the corpus, generated once ---------------------------------------------
OUT=$HERE/out
CORPUS=$OUT/corpus
CORPUS_ARGS=(--count 10000 --big-mb 2)
if [[ ! -f $OUT/corpus.stamp || $(<"$OUT/corpus.stamp") != "${CORPUS_ARGS[*]}" ]]; then
    echo "generating the corpus in $CORPUS ..." >&2
    mkdir -p "$OUT"
    rm -rf "$CORPUS" "$CORPUS.tmp" "$OUT/corpus.stamp"
    python3 "$GEN" --out "$CORPUS.tmp" "${CORPUS_ARGS[@]}" >&2
    mv "$CORPUS.tmp" "$CORPUS"
    echo "${CORPUS_ARGS[*]}" >"$OUT/corpus.stamp"
fi
BIG=$CORPUS/big-article.txt
[[ -f $BIG ]] || die "$BIG is missing: delete $OUT and run again"

# --- a private environment for the reader -----------------------------------
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
STATE=$TMP/state-dir
mkdir -p "$STATE" "$TMP/cache" "$TMP/config" "$TMP/state"
export XDG_CACHE_HOME=$TMP/cache XDG_CONFIG_HOME=$TMP/config XDG_STATE_HOME=$TMP/state
unset READER_LIBRARY READER_STATE_DIR

# --- measuring and reporting ------------------------------------------------
declare -A MED MIN MAX RSS
ROWS=()

record() { MED[$1]=$2 MIN[$1]=$3 MAX[$1]=$4 RSS[$1]=$5; }   # NAME MEDIAN MIN MAX RSS_KIB

measure() {   # measure [--runs N] [--prep SHELL_CMD] NAME CMD...
    local opts=(--runs "$RUNS") out
    while [[ $1 == --* ]]; do opts+=("$1" "$2"); shift 2; done
    echo "measuring $1 ..." >&2
    out=$(python3 "$HERE/measure.py" "${opts[@]}" -- "${@:2}")
    record "$1" $out
}

row() {   # row WHAT NAME [FLOOR_NAME FLOOR_LABEL [TARGET_SECONDS]]
    local floor=${3:-}
    ROWS+=("$(LC_ALL=C awk -v what="$1" -v med="${MED[$2]}" -v min="${MIN[$2]}" -v max="${MAX[$2]}" \
        -v rss="${RSS[$2]}" -v fmed="${floor:+${MED[$floor]}}" -v flabel="${4:-}" -v target="${5:-}" 'BEGIN {
        ratio = "—"; floor = "—"; tgt = "—"
        if (fmed != "") { floor = sprintf("%s: %.3f s", flabel, fmed); if (fmed >= 0.01) ratio = sprintf("%.1fx", med / fmed) }
        if (target != "") tgt = sprintf("≤ %s s (%s)", target, med <= target + 0 ? "met" : "MISSED")
        printf "| %s | %.3f s (%.3f–%.3f) | %s | %s | %.1f MiB | %s |", what, med, min, max, floor, ratio, rss / 1024, tgt
    }')")
}

# --- the figures ------------------------------------------------------------
read -r NFILES MIB < <(find "$CORPUS" -type f \( -name '*.txt' -o -name '*.md' \) -printf '%s\n' |
    LC_ALL=C awk '{ n++; b += $1 } END { printf "%d %.1f\n", n, b / 1048576 }')
BIG_MIB=$(LC_ALL=C awk -v b="$(stat -c %s "$BIG")" 'BEGIN { printf "%.1f", b / 1048576 }')

LIB=(--library "$CORPUS" --state-dir "$STATE")
DROP_CACHE="rm -rf $TMP/cache/reader"
COMMON=OpenAI   # in most articles of the corpus
RARE=乔素斤     # in one article
ARTICLE=2018/01/article-000000.txt

measure cat-all  sh -c 'find "$1" -type f \( -name "*.txt" -o -name "*.md" \) -print0 | xargs -0 cat >/dev/null' sh "$CORPUS"
measure --prep "$DROP_CACHE" list-cold "$BIN" list --json "${LIB[@]}"
measure list     "$BIN" list --json "${LIB[@]}"
measure cat-big  cat "$BIG"
measure show     "$BIN" show "$BIG" --width 80 "${LIB[@]}"
measure --runs 3 --prep "$DROP_CACHE" search-cold "$BIN" search "$COMMON" --json "${LIB[@]}"
measure search-common "$BIN" search "$COMMON" --json "${LIB[@]}"
measure rg-common rg -F -i -c "$COMMON" "$CORPUS"
measure search-rare "$BIN" search "$RARE" --json "${LIB[@]}"
measure rg-rare rg -F -i -c "$RARE" "$CORPUS"
measure --runs 100 mark "$BIN" mark "$ARTICLE" --read "${LIB[@]}"
measure --runs 100 bookmark "$BIN" bookmark "$ARTICLE" "${LIB[@]}"

row "list --json, $NFILES articles, cold (no cache)"  list-cold cat-all cat
row "list --json, $NFILES articles, warm"             list cat-all cat
row "show big-article.txt --width 80 ($BIG_MIB MiB)"  show cat-big cat 0.15
row "search $COMMON --json, cold (builds the index)" search-cold rg-common "rg -F -i -c"
row "search $COMMON --json, warm ($(rg -F -i -l "$COMMON" "$CORPUS" | wc -l) files match for rg)" search-common rg-common "rg -F -i -c"
row "search $RARE --json, warm"                       search-rare rg-rare "rg -F -i -c"
row "mark ARTICLE --read (100 runs: median, min–max)" mark
row "bookmark ARTICLE (100 runs: median, min–max)"    bookmark

# --- the interactive reader: per key, and start-up ----------------------------
KEY_BUDGET=5000 STARTUP_BUDGET=200000   # µs
KROWS=()
krow() {   # krow WHAT MEDIAN_US WORST_US [BUDGET_US]: met when the worst is within the budget
    KROWS+=("$(LC_ALL=C awk -v what="$1" -v med="$2" -v worst="$3" -v budget="${4:-}" 'BEGIN {
        if (budget == "") { printf "| %s | %d | %d | — | reported |", what, med, worst; exit }
        verdict = worst <= budget ? "met" : med <= budget ? "MISSED (worst)" : "MISSED"
        printf "| %s | %d | %d | %d | %s |", what, med, worst, budget, verdict
    }')")
}
measure startup-process "$RB" --startup-only --library "$CORPUS" --state-dir "$STATE"
echo "measuring the interactive reader's keys ($KEY_RUNS runs each) ..." >&2
KEYS=$("$RB" --library "$CORPUS" --article "${BIG#"$CORPUS"/}" --state-dir "$STATE" --runs "$KEY_RUNS")
while read -r kind _ med worst label; do
    case $kind in
        key) krow "$label" "$med" "$worst" "$KEY_BUDGET" ;;
        background) krow "$label" "$med" "$worst" ;;
        startup) krow "start-up to the first full screen, $NFILES articles, in process (of $KEY_RUNS)" "$med" "$worst" "$STARTUP_BUDGET" ;;
    esac
done <<<"$KEYS"
krow "start-up to the first full screen, whole process (ReaderBench --startup-only, of $RUNS)" \
    "$(LC_ALL=C awk -v s="${MED[startup-process]}" 'BEGIN { printf "%d", s * 1e6 }')" \
    "$(LC_ALL=C awk -v s="${MAX[startup-process]}" 'BEGIN { printf "%d", s * 1e6 }')" "$STARTUP_BUDGET"

# --- the table --------------------------------------------------------------
echo "| what | reader: median (min–max) | floor / peer | ratio | peak RSS (reader) | target |"
echo "|---|---|---|---|---|---|"
printf '%s\n' "${ROWS[@]}"
echo
echo "Interactive reader, per key (µs): reduce + render + diff on $(basename "$BIG") at 100×30; start-up to the first full screen"
echo
echo "| key | median µs | worst µs | budget µs | met? |"
echo "|---|---|---|---|---|"
printf '%s\n' "${KROWS[@]}"
echo
CPU=$(sed -n '/^model name/{s/^[^:]*: *//p;q}' /proc/cpuinfo)
echo "Machine: $(nproc) CPUs, ${CPU:-$(uname -m)}; $(date '+%Y-%m-%d %H:%M %Z');" \
     "corpus: $NFILES files, $MIB MiB; median of $RUNS runs after 1 warm-up;" \
     "reader $(git -C "$HERE/.." describe --always --dirty 2>/dev/null || echo '(no git)')."
