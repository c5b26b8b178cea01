#!/usr/bin/env bash
# The live preview's edit loop: from saving an answer to the page served with the change, median of
# RUNS, at each size; and the heap over SAVES more saves. In one JVM, on the plugin as built in this
# checkout (plugin/target/classes), without Maven's start-up: what an author waits for once
# `mvn site-gen:serve` is running. (bench/run.sh times serve through Maven, beside Hugo.)
#
#   bench/serve.sh                 # 1,000 and 10,000 questions, 5 runs, 50 saves
#   bench/serve.sh 1000 30000      # any sizes (questions; topics = questions / 20)
#   RUNS=7 SAVES=100 bench/serve.sh
#
# Needs: python3, a JDK, ./mvnw (offline is fine once the plugin's dependencies are in ~/.m2).
# Data: ../shared/bench/gen_faq.py (else bench/gen_faq_fallback.py), then bench/prefix_ids.py, as
# bench/run.sh makes it; kept in bench/work/serve/data/SIZE. Figures: bench/work/serve/results.tsv.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
SHARED_BENCH=${SHARED_BENCH:-$ROOT/../shared/bench}
WORK=$HERE/work/serve
RUNS=${RUNS:-5}
SAVES=${SAVES:-50}
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1000 10000)
mkdir -p "$WORK/data" "$WORK/classes" "$WORK/logs"

GEN=$SHARED_BENCH/gen_faq.py
[ -f "$GEN" ] || GEN=$HERE/gen_faq_fallback.py

echo "== build: plugin classes and the runtime class path"
(cd "$ROOT" && ./mvnw -o -q -pl plugin -am compile dependency:build-classpath -Dmdep.outputFile="$WORK/classpath.txt" \
    -Dmdep.includeScope=runtime > "$WORK/logs/build.log" 2>&1) || { cat "$WORK/logs/build.log"; exit 1; }
CP=$ROOT/plugin/target/classes:$(cat "$WORK/classpath.txt")
javac -nowarn -d "$WORK/classes" -cp "$CP" "$HERE/src/ServeBench.java"

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the start; $(java -version 2>&1 | head -1)"
printf "size\tmedian_ms\truns_ms\theap_mb_every_10_saves\n" > "$WORK/results.tsv"
for SIZE in "${SIZES[@]}"; do
  DATA=$WORK/data/$SIZE
  if [ ! -d "$DATA/sitegen" ]; then
    python3 "$GEN" --questions "$SIZE" --out "$DATA" --peers hugo > /dev/null
    python3 "$HERE/prefix_ids.py" "$DATA/content" "$DATA/sitegen" > /dev/null
  fi
  EDIT=$WORK/edit/$SIZE
  rm -rf "$EDIT" && mkdir -p "$(dirname "$EDIT")" && cp -r "$DATA/sitegen" "$EDIT"
  # the middle topic, as bench/run.sh edits it
  VICTIM=$(ls "$EDIT" | grep -v '^site\.yaml$' | sort | awk -v n="$(ls "$EDIT" | grep -vc '^site\.yaml$')" 'NR == int(n / 2) + 1')
  echo "== $SIZE questions: serve, $RUNS saves of $VICTIM timed, then $SAVES saves for the heap"
  java -cp "$WORK/classes:$CP" ServeBench "$EDIT" "$VICTIM" "$RUNS" "$SAVES" 2> "$WORK/logs/serve-$SIZE.log" \
    | tee "$WORK/logs/serve-$SIZE.tsv"
  grep -E "ready in" "$WORK/logs/serve-$SIZE.log" | tail -3 | sed 's/^/   log: /'
  awk -F'\t' -v size="$SIZE" '$1 == "MEDIAN" { median = $2; runs = $3 } $1 == "MEM" { heap = heap (heap ? " " : "") $3 }
    END { printf "%s\t%s\t%s\t%s\n", size, median, runs, heap }' "$WORK/logs/serve-$SIZE.tsv" >> "$WORK/results.tsv"

done
echo "machine: load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
column -t -s "$(printf '\t')" "$WORK/results.tsv"
