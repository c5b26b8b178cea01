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
# shellcheck source=bench/core-bench.sh
. "$ROOT/bench/core-bench.sh"
core_bench "$WORK" LongLineBench.java LongLineBench "${SIZES[@]}"
