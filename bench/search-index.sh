#!/usr/bin/env bash
# What the search index weighs: builds the benchmark's generated FAQ with the plugin of this
# checkout and prints the index's files, gzip-compressed (gzip -9, about what GitHub Pages serves),
# then what a reader's first search loads, typed letter by letter in Chromium.
#
# usage:  bench/search-index.sh [SIZES...]     SIZES = numbers of questions (default: 1000 10000 100000)
#         bench/search-index.sh -h             this help
#
# For each size:
#   1. dataset: the generator run.sh uses ($SHARED_BENCH/gen_faq.py, else bench/gen_faq_fallback.py),
#      then bench/prefix_ids.py; reused from bench/work/data/SIZE/sitegen when run.sh made it.
#   2. build: bench/src/InProcessBench.java, one run, against core/target/classes and the
#      core's runtime classpath (./mvnw -q -o -pl core dependency:build-classpath), into
#      bench/work/search/SIZE/.
#   3. sizes: search-index.js (the words, loaded when a reader starts searching), the postings and
#      documents parts (search-index/p*.js, d*.js, loaded as searches need them), the largest
#      part, and the whole index.
#   4. first search (when node, Chromium and playwright-core are there): bench/search_load.mjs
#      opens a topic page from disk and types each query of QUERIES a letter every DELAY ms on a
#      fresh page; it prints the files of the index loaded and their gzip-compressed size.
#
# env:    QUERIES   queries, separated by '|' (default: words of the benchmark's questions)
#         DELAY     ms between letters (default 150: every letter is searched, as when a person types)
#         SEED      dataset seed (default 42)
#         SHARED_BENCH  folder of the peer benchmark (default ../shared/bench beside the repository)
#         NODE_PATH where playwright-core is (default: the judges' cache, ~/.cache/site-judges/node/node_modules)
#         CHROME_PATH   Chromium (default /usr/bin/chromium)
#
# Prerequisites: Java 17+, python3; the core compiled: ./mvnw -q -o -pl core -am compile.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
WORK=$HERE/work

case "${1:-}" in
  -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
esac
die() { echo "search-index.sh: error: $*" >&2; exit 1; }

SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1000 10000 100000)
for s in "${SIZES[@]}"; do
  [[ "$s" =~ ^[1-9][0-9]*$ ]] || die "SIZE must be a positive number of questions, got '$s'"
done
SEED=${SEED:-42}
DELAY=${DELAY:-150}
QUERIES=${QUERIES:-invoice|reset my password|webhok|restore an old backup on the mobile app}
SHARED_BENCH=${SHARED_BENCH:-$ROOT/../shared/bench}
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
export NODE_PATH=${NODE_PATH:-${SITE_JUDGES_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/site-judges}/node/node_modules}
if [ -f "$SHARED_BENCH/gen_faq.py" ]; then GEN=$SHARED_BENCH/gen_faq.py; else GEN=$HERE/gen_faq_fallback.py; fi

command -v java >/dev/null || die "java not found: Java 17 or later is needed"
command -v python3 >/dev/null || die "python3 not found"
[ -d "$ROOT/core/target/classes/io" ] || die "the core is not compiled: ./mvnw -q -o -pl core -am compile"
mkdir -p "$WORK/search"
CP_FILE=$WORK/search/classpath.txt
(cd "$ROOT" && ./mvnw -q -o -pl core dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=runtime) \
  || die "cannot resolve the core's classpath (run ./mvnw -q -pl core -am compile once online)"
CP=$ROOT/core/target/classes:$(cat "$CP_FILE")
BROWSER=1
if ! command -v node >/dev/null || [ ! -x "$CHROME_PATH" ] || [ ! -d "$NODE_PATH/playwright-core" ]; then
  BROWSER=0
  echo "search-index.sh: node, $CHROME_PATH or $NODE_PATH/playwright-core missing: first searches not measured" >&2
fi

for SIZE in "${SIZES[@]}"; do
  DATA=$WORK/data/$SIZE/sitegen OUT=$WORK/search/$SIZE
  if [ ! -f "$DATA/site.yaml" ]; then
    rm -rf "$WORK/search/data-$SIZE" && mkdir -p "$WORK/search/data-$SIZE"
    python3 "$GEN" --questions "$SIZE" --out "$WORK/search/data-$SIZE" --seed "$SEED" >/dev/null
    python3 "$HERE/prefix_ids.py" "$WORK/search/data-$SIZE/content" "$WORK/search/data-$SIZE/sitegen" >/dev/null
    DATA=$WORK/search/data-$SIZE/sitegen
  fi
  rm -rf "$OUT"
  java -cp "$CP" "$HERE/src/InProcessBench.java" "$DATA" "$OUT" 1 2>/dev/null | grep '^INFO site-gen wrote' \
    || die "the build of $SIZE questions failed"
  echo "== $SIZE questions ($(ls "$OUT/search-index" | grep -c '^p') postings parts, $(ls "$OUT/search-index" | grep -c '^d') documents parts)"
  python3 - "$OUT" <<'PY'
import gzip, os, sys
out = sys.argv[1]
def size(path):
    data = open(path, 'rb').read()
    return len(data), len(gzip.compress(data, 9))
parts = os.path.join(out, 'search-index')
words = size(os.path.join(out, 'search-index.js'))
postings = [size(os.path.join(parts, f)) for f in sorted(os.listdir(parts)) if f.startswith('p')]
docs = [size(os.path.join(parts, f)) for f in sorted(os.listdir(parts)) if f.startswith('d')]
total = lambda sizes, i: sum(s[i] for s in sizes)
kb = lambda n: f'{n / 1024:,.1f} KB'
print(f'   search-index.js (words):     {kb(words[0]):>12} raw, {kb(words[1]):>11} gzip')
print(f'   postings parts, all:         {kb(total(postings, 0)):>12} raw, {kb(total(postings, 1)):>11} gzip'
      f' (largest {kb(max(s[1] for s in postings))} gzip)')
print(f'   documents parts, all:        {kb(total(docs, 0)):>12} raw, {kb(total(docs, 1)):>11} gzip'
      f' (each about {kb(docs[0][1])} gzip)')
print(f'   whole index:                 {kb(words[0] + total(postings, 0) + total(docs, 0)):>12} raw,'
      f' {kb(words[1] + total(postings, 1) + total(docs, 1)):>11} gzip')
PY
  if [ "$BROWSER" = 1 ]; then
    TOPIC=$(cd "$OUT" && ls -d */index.html | grep -v '^assets/' | sed -n 1p)
    node "$HERE/search_load.mjs" "$OUT" "$TOPIC" "$DELAY" "$QUERIES"
  fi
done
