# Sourced by the benchmarks that run a main of bench/src on the core's classes, in one JVM:
#   core_bench WORK SOURCE MAIN [ARGS...]
# compiles the core (./mvnw -o -q -pl core -am compile) and SOURCE (a path below bench/src) against
# it into WORK/classes, then runs MAIN with ARGS. The JVM runs with the settings the archetype's
# .mvn/jvm.config gives Maven (-XX:TieredStopAtLevel=1 -XX:+UseSerialGC) unless JAVA_OPTS says otherwise.
core_bench() {
  local root work=$1 source=$2 main=$3
  shift 3
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  mkdir -p "$work/classes"
  (cd "$root" && ./mvnw -o -q -pl core -am compile dependency:build-classpath \
      -Dmdep.includeScope=runtime -Dmdep.outputFile="$work/classpath.txt" > "$work/build.log" 2>&1) \
    || { echo "$(basename "$0"): the build failed, see $work/build.log" >&2; exit 1; }
  local cp=$root/core/target/classes:$(cat "$work/classpath.txt")
  javac -nowarn -d "$work/classes" -cp "$cp" "$root/bench/src/$source"
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
  java ${JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC} -Xmx2g -cp "$work/classes:$cp" "$main" "$@"
}
