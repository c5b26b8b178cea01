#!/usr/bin/env bash
# The time to find the related questions after one answer is edited, at 10,000 questions (or the
# size given): from scratch, from the last find kept in memory (the preview) and from the last
# find read back from the build cache's bytes (generate), in turn for each edit, in one warm JVM on
# one thread (bench/src/io/github/sitegen/content/RelatedBench.java prints the figures).
#
# usage:  bench/related.sh [QUESTIONS] [EDITS]      default: 10000 41
#
# The dataset is the benchmark's (../shared/bench/gen_faq.py, else bench/gen_faq_fallback.py, with
# bench/prefix_ids.py), as bench/reader-features.sh makes it. Compiles and runs as bench/core-bench.sh
# says (the archetype's JVM settings unless JAVA_OPTS says otherwise).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
QUESTIONS=${1:-10000}
EDITS=${2:-41}
WORK=$ROOT/bench/work/related
DATA=$WORK/data/$QUESTIONS
GEN=$ROOT/../shared/bench/gen_faq.py
[ -f "$GEN" ] || GEN=$ROOT/bench/gen_faq_fallback.py
if [ ! -f "$DATA/sitegen/site.yaml" ]; then
  python3 "$GEN" --questions "$QUESTIONS" --out "$DATA" >/dev/null
  python3 "$ROOT/bench/prefix_ids.py" "$DATA/content" "$DATA/sitegen"
fi
# shellcheck source=bench/core-bench.sh
. "$ROOT/bench/core-bench.sh"
core_bench "$WORK" io/github/sitegen/content/RelatedBench.java io.github.sitegen.content.RelatedBench "$DATA/sitegen" "$EDITS"
