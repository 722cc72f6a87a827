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
#     which is also timed as a whole process (`ReaderBench --startup-only`);
#   - saved web pages, from bench/make-html-corpus.py (the text corpus made into a
#     library of 10,000 HTML pages with their chrome, plus two big pages beside it):
#     `list --json` cold (target <= 3x `cat` of the pages) and warm (<= 0.5x `cat`),
#     both in at most 100 MiB; `search` cold and warm (reported, beside `rg`);
#     `show` of a ~200 KB news page (target <= 20 ms in process) and of a 5 MB
#     SingleFile page with inlined images (<= 0.15 s in process and as a process),
#     each beside `cat`.  In process is `ReaderBench --html FILE`: load + layout at
#     80 columns, median (min-max) of $BENCH_HTML_RUNS runs (default 20), beside
#     reading the file in process; its load and layout are also shown apart.
# Times are the median (min-max) of $BENCH_RUNS runs (default 5) after one
# warm-up run, so the page cache is warm for reader and floor alike.  The
# ratio is left out when the floor takes under 10 ms: it would only measure
# process start-up.  bench/measure.py does the timing.
#
# The corpus is generated once by ../shared/tools/gen-corpus (override: env
# GEN_CORPUS) and kept in bench/out/corpus; the HTML library is made from it once
# and kept in bench/out/html (made again when the script or its arguments change).
# State, cache and config go to a temporary directory, so nothing touches $HOME; the
# HTML library has a cache folder of its own, so dropping it leaves the text one warm.
# Prints two markdown tables.
#
# To add a row: `measure NAME CMD...` (options: --runs N, --warmup N (default 1),
# --prep SHELL_CMD run untimed before each run), then `row WHAT NAME [FLOOR_NAME FLOOR_LABEL [TARGET...]]`,
# where a TARGET is seconds (0.15), a ratio to the floor (3x) or a peak RSS (100MiB).
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
HTML_RUNS=${BENCH_HTML_RUNS:-20}

# --- the corpus, generated once ---------------------------------------------
# BENCH_COUNT=100000 make bench: the same on a library of that many articles (in its own
# folder), without the saved web pages.
COUNT=${BENCH_COUNT:-10000}
[[ $COUNT =~ ^[0-9]+$ && $COUNT -gt 0 ]] || die "BENCH_COUNT must be a number of articles"
OUT=$HERE/out
WITH_HTML=1
[[ $COUNT == 10000 ]] || { OUT=$HERE/out/count-$COUNT; WITH_HTML=0; }
CORPUS=$OUT/corpus
CORPUS_ARGS=(--count "$COUNT" --big-mb 2)
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

if (( WITH_HTML )); then
# --- the HTML library, made from the corpus once ------------------------------
# The stamp holds the script's hash, its arguments and the corpus's stamp: a change to
# any of them makes the pages again.
HTML=$OUT/html
HTML_ARGS=(--news-kb 200 --singlefile-mb 5)
HTML_STAMP="$(sha1sum <"$HERE/make-html-corpus.py" | cut -d' ' -f1) ${HTML_ARGS[*]} $(<"$OUT/corpus.stamp")"
if [[ ! -f $OUT/html.stamp || $(<"$OUT/html.stamp") != "$HTML_STAMP" ]]; then
    echo "making the HTML library in $HTML ..." >&2
    rm -rf "$HTML" "$HTML.tmp" "$OUT/html.stamp"
    python3 "$HERE/make-html-corpus.py" --text "$CORPUS" --out "$HTML.tmp" "${HTML_ARGS[@]}" >&2
    mv "$HTML.tmp" "$HTML"
    echo "$HTML_STAMP" >"$OUT/html.stamp"
fi
HLIB=$HTML/library NEWS=$HTML/pages/news.html SINGLEFILE=$HTML/pages/singlefile.html
[[ -f $NEWS && -f $SINGLEFILE ]] || die "the HTML pages are missing: delete $OUT/html and run again"
fi

# --- a private environment for the reader -----------------------------------
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
STATE=$TMP/state-dir
mkdir -p "$STATE" "$TMP/cache" "$TMP/config" "$TMP/state" "$TMP/html-cache"
export XDG_CACHE_HOME=$TMP/cache XDG_CONFIG_HOME=$TMP/config XDG_STATE_HOME=$TMP/state
unset READER_LIBRARY READER_STATE_DIR

# --- measuring and reporting ------------------------------------------------
declare -A MED MIN MAX RSS
ROWS=()

record() { MED[$1]=$2 MIN[$1]=$3 MAX[$1]=$4 RSS[$1]=$5; }   # NAME MEDIAN MIN MAX RSS_KIB

measure() {   # measure [--runs N] [--warmup N] [--prep SHELL_CMD] NAME CMD...
    local opts=(--runs "$RUNS") out
    while [[ $1 == --* ]]; do opts+=("$1" "$2"); shift 2; done
    echo "measuring $1 ..." >&2
    out=$(python3 "$HERE/measure.py" "${opts[@]}" -- "${@:2}")
    record "$1" $out
}

row() {   # row WHAT NAME [FLOOR_NAME FLOOR_LABEL [TARGET...]]: TARGET is 0.15 (s), 3x (the floor) or 100MiB
    local floor=${3:-}
    ROWS+=("$(LC_ALL=C awk -v what="$1" -v med="${MED[$2]}" -v min="${MIN[$2]}" -v max="${MAX[$2]}" \
        -v rss="${RSS[$2]}" -v fmed="${floor:+${MED[$floor]}}" -v flabel="${4:-}" -v targets="${*:5}" 'BEGIN {
        ratio = "—"; floor = "—"; tgt = ""
        if (fmed != "") { floor = sprintf("%s: %.3f s", flabel, fmed); if (fmed >= 0.01) ratio = sprintf(med / fmed < 0.095 ? "%.2fx" : "%.1fx", med / fmed) }
        n = split(targets, t, " ")
        for (i = 1; i <= n; i++) {   # each target met or missed by the median (or the peak RSS)
            if (t[i] ~ /x$/) { limit = substr(t[i], 1, length(t[i]) - 1); ok = fmed != "" && med <= limit * fmed; s = sprintf("≤ %sx %s", limit, flabel) }
            else if (t[i] ~ /MiB$/) { limit = substr(t[i], 1, length(t[i]) - 3); ok = rss / 1024 <= limit + 0; s = sprintf("peak ≤ %s MiB", limit) }
            else { ok = med <= t[i] + 0; s = sprintf("≤ %s s", t[i]) }
            tgt = tgt (i > 1 ? "; " : "") sprintf("%s (%s)", s, ok ? "met" : "MISSED")
        }
        printf "| %s | %.3f s (%.3f–%.3f) | %s | %s | %.1f MiB | %s |", what, med, min, max, floor, ratio, rss / 1024, tgt == "" ? "—" : tgt
    }')")
}

measure_html() {   # measure_html NAME FILE: ReaderBench --html, in process; records NAME (load + layout), NAME-read, NAME-load, NAME-layout
    local rss=$TMP/html-rss kind name med worst best label
    echo "measuring $1 in process ($HTML_RUNS runs) ..." >&2
    while read -r kind name med worst best label; do
        [[ $kind == html ]] || continue
        [[ $name == show ]] && name=$1 || name=$1-$name
        record "$name" "$(us "$med")" "$(us "$best")" "$(us "$worst")" 0
    done < <(/usr/bin/time -f %M -o "$rss" "$RB" --html "$2" --runs "$HTML_RUNS" --width 80)
    [[ -n ${MED[$1]:-} ]] || die "ReaderBench --html $2 printed no timings"
    local peak; peak=$(tail -n 1 "$rss")   # the peak RSS of the whole ReaderBench process
    for name in "$1" "$1-read" "$1-load" "$1-layout"; do RSS[$name]=$peak; done
}
us() { LC_ALL=C awk -v us="$1" 'BEGIN { printf "%.6f", us / 1e6 }'; }   # µs to seconds

# --- the figures ------------------------------------------------------------
read -r NFILES MIB < <(find "$CORPUS" -type f \( -name '*.txt' -o -name '*.md' \) -printf '%s\n' |
    LC_ALL=C awk '{ n++; b += $1 } END { printf "%d %.1f\n", n, b / 1048576 }')
BIG_MIB=$(LC_ALL=C awk -v b="$(stat -c %s "$BIG")" 'BEGIN { printf "%.1f", b / 1048576 }')
if (( WITH_HTML )); then
read -r HFILES HMIB < <(find "$HLIB" -type f -name '*.html' -printf '%s\n' |
    LC_ALL=C awk '{ n++; b += $1 } END { printf "%d %.1f\n", n, b / 1048576 }')
fi
NEWS_KIB=$(( $(stat -c %s "$NEWS") / 1024 ))
SF_MIB=$(LC_ALL=C awk -v b="$(stat -c %s "$SINGLEFILE")" 'BEGIN { printf "%.1f", b / 1048576 }')

LIB=(--library "$CORPUS" --state-dir "$STATE")
# The machine may be shared: the load average before and after goes under the tables.
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
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
# The same with the folders trusted (the runs above left them recorded, and the index current).
measure list-lazy "$BIN" list --json --lazy-check "${LIB[@]}"
measure search-common-lazy "$BIN" search "$COMMON" --json --lazy-check "${LIB[@]}"
measure search-rare-lazy "$BIN" search "$RARE" --json --lazy-check "${LIB[@]}"
measure --runs 100 mark "$BIN" mark "$ARTICLE" --read "${LIB[@]}"
measure --runs 100 bookmark "$BIN" bookmark "$ARTICLE" "${LIB[@]}"

# Hostile inputs, made afresh: texts that used to hang the layout, a state of 100,000 articles,
# and an export of 250,000 to import (into an empty state each run).
HOSTILE=$TMP/hostile
echo "making the hostile inputs in $HOSTILE ..." >&2
python3 "$HERE/make-hostile.py" "$HOSTILE" --entries 100000 --import 250000
for text in zwj paragraphs unbreakable; do
    for width in 80 7; do measure --runs 3 "layout-$text-$width" "$BIN" show "$HOSTILE/$text.txt" --width "$width" "${LIB[@]}"; done
done
BIGSTATE=(--library "$CORPUS" --state-dir "$HOSTILE/state")
measure --runs 20 mark-100k "$BIN" mark "$ARTICLE" --read "${BIGSTATE[@]}"
measure --runs 3 list-100k "$BIN" list --json "${BIGSTATE[@]}"
measure --runs 3 --prep "rm -rf $HOSTILE/imported" import-250k "$BIN" state import "$HOSTILE/export.json" \
    --library "$CORPUS" --state-dir "$HOSTILE/imported"

if (( WITH_HTML )); then
# The saved web pages: the library with a cache folder of its own (XDG_CACHE_HOME set for
# these commands only), and the two big pages, shown by path.
HLIBOPTS=(--library "$HLIB" --state-dir "$TMP/html-state-dir")
HCACHE=$TMP/html-cache
DROP_HTML_CACHE="rm -rf $HCACHE/reader"
# A cold run takes a minute or more: no warm-up for them (`cat` has just warmed the page
# cache), and one run of the cold search, which is only reported.
measure cat-html sh -c 'find "$1" -type f -name "*.html" -print0 | xargs -0 cat >/dev/null' sh "$HLIB"
XDG_CACHE_HOME=$HCACHE measure --warmup 0 --prep "$DROP_HTML_CACHE" html-list-cold "$BIN" list --json "${HLIBOPTS[@]}"
XDG_CACHE_HOME=$HCACHE measure html-list "$BIN" list --json "${HLIBOPTS[@]}"
XDG_CACHE_HOME=$HCACHE measure --runs 1 --warmup 0 --prep "$DROP_HTML_CACHE" html-search-cold "$BIN" search "$COMMON" --json "${HLIBOPTS[@]}"
XDG_CACHE_HOME=$HCACHE measure html-search "$BIN" search "$COMMON" --json "${HLIBOPTS[@]}"
measure html-rg rg -F -i -c "$COMMON" "$HLIB"
measure cat-news cat "$NEWS"
XDG_CACHE_HOME=$HCACHE measure show-news "$BIN" show "$NEWS" --width 80 "${HLIBOPTS[@]}"
measure cat-singlefile cat "$SINGLEFILE"
XDG_CACHE_HOME=$HCACHE measure show-singlefile "$BIN" show "$SINGLEFILE" --width 80 "${HLIBOPTS[@]}"
measure_html news "$NEWS"
measure_html singlefile "$SINGLEFILE"
fi

row "list --json, $NFILES articles, cold (no cache)"  list-cold cat-all cat
row "list --json, $NFILES articles, warm"             list cat-all cat
row "show big-article.txt --width 80 ($BIG_MIB MiB)"  show cat-big cat 0.15
row "search $COMMON --json, cold (builds the index)" search-cold rg-common "rg -F -i -c"
row "search $COMMON --json, warm ($(rg -F -i -l "$COMMON" "$CORPUS" | wc -l) files match for rg)" search-common rg-common "rg -F -i -c"
row "search $RARE --json, warm"                       search-rare rg-rare "rg -F -i -c"
row "list --json --lazy-check, warm (folders trusted)" list-lazy cat-all cat 0.3x 100MiB
# The search's target is at 100,000 articles: at 10,000, rg takes 60 ms, near two processes' start.
SEARCH_TARGET=(); [[ $COUNT -ge 100000 ]] && SEARCH_TARGET=(0.05x)
row "search $COMMON --json --lazy-check, warm"         search-common-lazy rg-common "rg -F -i -c" "${SEARCH_TARGET[@]}" 100MiB
row "search $RARE --json --lazy-check, warm"           search-rare-lazy rg-rare "rg -F -i -c" "${SEARCH_TARGET[@]}" 100MiB
row "mark ARTICLE --read (100 runs: median, min–max)" mark
row "bookmark ARTICLE (100 runs: median, min–max)"    bookmark
for text in zwj paragraphs unbreakable; do
    case $text in
        zwj) label="200,000 ZWJ emoji sequences on one line" ;;
        paragraphs) label="1,000,000 one-letter paragraphs" ;;
        unbreakable) label="2 MB of CJK closing marks (no break opportunity)" ;;
    esac
    for width in 80 7; do row "show: $label, --width $width" "layout-$text-$width" "" "" 1; done
done
row "mark ARTICLE --read, state of 100,000 articles (20 runs)" mark-100k "" "" 0.05 50MiB
row "list --json, state of 100,000 articles"                 list-100k
row "state import of 250,000 articles into an empty state"   import-250k
if (( WITH_HTML )); then
row "HTML: list --json, $HFILES pages, cold (no cache)" html-list-cold cat-html cat 3x 100MiB
row "HTML: list --json, $HFILES pages, warm"            html-list cat-html cat 0.5x 100MiB
row "HTML: search $COMMON --json, cold (builds the index; 1 run)" html-search-cold html-rg "rg -F -i -c"
row "HTML: search $COMMON --json, warm ($(rg -F -i -l "$COMMON" "$HLIB" | wc -l) files match for rg)" html-search html-rg "rg -F -i -c"
row "HTML: show news.html --width 80 ($NEWS_KIB KiB), whole process" show-news cat-news cat
row "HTML: show news.html, in process: load + layout at 80 (of $HTML_RUNS)" news news-read "read in process" 0.02
row "  … of which load: decode, parse, reader mode, blocks, links" news-load
row "  … of which layout at 80 columns"                  news-layout
row "HTML: show singlefile.html --width 80 ($SF_MIB MiB, inlined images), whole process" show-singlefile cat-singlefile cat 0.15
row "HTML: show singlefile.html, in process: load + layout at 80 (of $HTML_RUNS)" singlefile singlefile-read "read in process" 0.15
row "  … of which load: decode, parse, reader mode, blocks, links" singlefile-load
row "  … of which layout at 80 columns"                  singlefile-layout
fi

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
echo "measuring the interactive reader's keys ($KEY_RUNS runs each) ..." >&2
KEYS=$("$RB" --library "$CORPUS" --article "${BIG#"$CORPUS"/}" --state-dir "$STATE" --runs "$KEY_RUNS")
# After the keys: their run leaves the first screens, as a reader that quits does.
measure startup-process "$RB" --startup-only --library "$CORPUS" --state-dir "$STATE"
while read -r kind _ med worst label; do
    case $kind in
        key) krow "$label" "$med" "$worst" "$KEY_BUDGET" ;;
        background) krow "$label" "$med" "$worst" ;;
        search) krow "$label" "$med" "$worst" 50000 ;;
        typed) krow "$label" "$med" "$worst" 16000 ;;
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
     "corpus: $NFILES files, $MIB MiB;$( (( WITH_HTML )) && echo " HTML library: $HFILES pages, $HMIB MiB;")" \
     "median of $RUNS runs after 1 warm-up (none for the cold HTML rows: \`cat\` has just read the pages);" \
     "load average (1, 5, 15 min) before: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg);" \
     "reader $(git -C "$HERE/.." describe --always --dirty 2>/dev/null || echo '(no git)')."
