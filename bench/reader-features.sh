#!/bin/sh
# What the page with every question and the related questions found for you add to a build of
# the benchmark's synthetic FAQ: clean builds with each off and on, and one-answer incremental
# builds with the build cache (bench/src/ReaderFeaturesBench.java). Needs the plugin compiled
# (./mvnw -q -o -pl plugin -am test-compile). Usage: bench/reader-features.sh [QUESTIONS] [RUNS]
set -eu
cd "$(dirname "$0")/.."
QUESTIONS=${1:-10000}
RUNS=${2:-3}
WORK=bench/work/reader-features
DATA=$WORK/data/$QUESTIONS
GEN=../shared/bench/gen_faq.py
[ -f "$GEN" ] || GEN=bench/gen_faq_fallback.py
if [ ! -f "$DATA/sitegen/site.yaml" ]; then
  python3 "$GEN" --questions "$QUESTIONS" --out "$DATA" >/dev/null
  python3 bench/prefix_ids.py "$DATA/content" "$DATA/sitegen"
fi
./mvnw -q -o -pl plugin dependency:build-classpath -Dmdep.outputFile="$PWD/$WORK/classpath.txt" >/dev/null
CP="plugin/target/classes:$(cat "$WORK/classpath.txt")"
mkdir -p "$WORK/classes"
javac -d "$WORK/classes" -cp "$CP" bench/src/ReaderFeaturesBench.java
java -cp "$CP:$WORK/classes" ReaderFeaturesBench "$DATA/sitegen" "$WORK/run" "$RUNS"
