#!/usr/bin/env bash
# The live preview's edit loop: from saving an answer to the page served with the change, median of
# RUNS, at each size; and the heap over SAVES more saves. In one JVM, on the plugin as built in this
# checkout (core/target/classes), without Maven's start-up: what an author waits for once
# `mvn site-gen:serve` is running. In the same run, when `hugo` is on PATH, `hugo server` on the same
# data (gen_faq.py's hugo/ layout, the peer templates), timed the same way: from writing the file to
# the topic page served with the mark (bench/hugo_server_latency.py).
#
#   bench/serve.sh                 # 1,000 and 10,000 questions, 5 runs, 50 saves, beside hugo server
#   bench/serve.sh 1000 30000      # any sizes (questions; topics = questions / 20)
#   RUNS=7 SAVES=100 bench/serve.sh
#   SKIP_HUGO=1 SAVES=0 bench/serve.sh 1000   # short: site-gen only, no heap series (the macOS CI job)
#
# Needs: python3, a JDK, ./mvnw (run offline; MVN_OFFLINE= lets it download what ~/.m2 lacks).
# Data: ../shared/bench/gen_faq.py (else bench/gen_faq_fallback.py), then bench/prefix_ids.py, as
# bench/run.sh makes it; kept in bench/work/serve/data/SIZE. Figures: bench/work/serve/results.tsv,
# with the 1-minute load average of each timed save and the preview's own build time from its log.
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
(cd "$ROOT" && ./mvnw ${MVN_OFFLINE--o} -q -pl core -am compile dependency:build-classpath -Dmdep.outputFile="$WORK/classpath.txt" \
    -Dmdep.includeScope=runtime > "$WORK/logs/build.log" 2>&1) || { cat "$WORK/logs/build.log"; exit 1; }
CP=$ROOT/core/target/classes:$(cat "$WORK/classpath.txt")
javac -nowarn -d "$WORK/classes" -cp "$CP" "$HERE/src/ServeBench.java"

if [ -d "$SHARED_BENCH/sites/hugo/layouts" ]; then HUGO_SITE=$SHARED_BENCH/sites/hugo; else HUGO_SITE=$HERE/sites/hugo; fi
HUGO=1
if [ -n "${SKIP_HUGO:-}" ] || ! command -v hugo > /dev/null; then HUGO=0; echo "note: hugo server is not measured"; fi
load() { # the 1-minute load average, on Linux and macOS
  if [ -r /proc/loadavg ]; then cut -d' ' -f1 /proc/loadavg; else sysctl -n vm.loadavg | awk '{ print $2 }'; fi
}
echo "machine: $(getconf _NPROCESSORS_ONLN) cores, load average $(load) at the start; $(java -version 2>&1 | head -1)"
[ "$HUGO" -eq 0 ] || echo "hugo: $(hugo version | head -1)"
printf "size\ttool\tmedian_ms\truns_ms\tload_per_run\tbuild_ms_median_min\theap_mb_every_10_saves\n" > "$WORK/results.tsv"
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
  # the preview's own time for each save's build (every build but the first), from its log
  BUILDS=$(sed -n 's/.*build [0-9]* ready in \([0-9]*\) ms.*/\1/p' "$WORK/logs/serve-$SIZE.log" | tail -n +2 | sort -n \
    | awk '{ v[NR] = $1 } END { if (NR) printf "%d / %d (of %d)", v[int((NR + 1) / 2)], v[1], NR }')
  awk -F'\t' -v size="$SIZE" -v builds="$BUILDS" '$1 == "RUN" { load = load (load ? " " : "") substr($4, 6) }
    $1 == "MEDIAN" { median = $2; runs = $3 } $1 == "MEM" { heap = heap (heap ? " " : "") $3 }
    END { printf "%s\tsite-gen\t%s\t%s\t%s\t%s\t%s\n", size, median, runs, load, builds, heap }' \
    "$WORK/logs/serve-$SIZE.tsv" >> "$WORK/results.tsv"
  if [ "$HUGO" -eq 1 ]; then
    SITE=$WORK/edit-hugo/$SIZE
    rm -rf "$SITE" && mkdir -p "$SITE" && cp -r "$DATA/hugo/." "$SITE/" && cp -r "$HUGO_SITE/." "$SITE/"
    echo "== $SIZE questions: hugo server, $RUNS saves of ${VICTIM%.yaml}.md timed (load $(load))"
    python3 "$HERE/hugo_server_latency.py" --site "$SITE" --file "${VICTIM%.yaml}.md" --runs "$RUNS" \
      --log "$WORK/logs/hugo-server-$SIZE.log" | tee "$WORK/logs/hugo-server-$SIZE.tsv"
    { grep -E "^Total in" "$WORK/logs/hugo-server-$SIZE.log" || true; } | tail -3 | sed 's/^/   log: /'
    HBUILDS=$(sed -n 's/^Total in \([0-9]*\) ms.*/\1/p' "$WORK/logs/hugo-server-$SIZE.log" | tail -n +2 | sort -n \
      | awk '{ v[NR] = $1 } END { if (NR) printf "%d / %d (of %d)", v[int((NR + 1) / 2)], v[1], NR }')
    awk -F'\t' -v size="$SIZE" -v builds="$HBUILDS" '$1 == "RUN" { load = load (load ? " " : "") substr($4, 6) }
      $1 == "MEDIAN" { median = $2; runs = $3 }
      END { printf "%s\thugo server\t%s\t%s\t%s\t%s\t\n", size, median, runs, load, builds }' \
      "$WORK/logs/hugo-server-$SIZE.tsv" >> "$WORK/results.tsv"
  fi
done
echo "machine: load average $(load) at the end"
column -t -s "$(printf '\t')" "$WORK/results.tsv"
