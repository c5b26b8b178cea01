#!/usr/bin/env bash
# How fast site-gen loads and checks an answer written on one line: 1, 2, 4, 8 and 15 MB (or the
# sizes given), each measured warm in one JVM, as MB/s of wall-clock and of CPU time.
#
# usage:  bench/long-line.sh [SIZES...]      SIZES in MB (default: 1 2 4 8 15)
#
# Compiles the core (./mvnw -o -q -pl core -am compile) and bench/src/LongLineBench.java against
# it into bench/work/long-line/. The JVM runs with the settings the archetype's .mvn/jvm.config
# gives Maven (-XX:TieredStopAtLevel=1 -XX:+UseSerialGC) unless JAVA_OPTS says otherwise.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$ROOT/bench/work/long-line
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1 2 4 8 15)
mkdir -p "$WORK/classes"
(cd "$ROOT" && ./mvnw -o -q -pl core -am compile dependency:build-classpath \
    -Dmdep.includeScope=runtime -Dmdep.outputFile="$WORK/classpath.txt" > "$WORK/build.log" 2>&1) \
  || { echo "long-line.sh: the build failed, see $WORK/build.log" >&2; exit 1; }
CP=$ROOT/core/target/classes:$(cat "$WORK/classpath.txt")
javac -nowarn -d "$WORK/classes" -cp "$CP" "$ROOT/bench/src/LongLineBench.java"
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
java ${JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC} -Xmx2g -cp "$WORK/classes:$CP" LongLineBench "${SIZES[@]}"
