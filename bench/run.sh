#!/usr/bin/env bash
# site-gen benchmark: build the same generated FAQ with real Maven, the command line, in-process, and with Hugo.
#
# usage:  bench/run.sh [SIZES...]        SIZES = numbers of questions (default: 1000 10000 100000);
#                                         T = SIZE/20 topics of 20 questions
#         bench/run.sh -h                 this help
#
# For each size:
#   1. dataset: gen_faq.py of the peer benchmark ($SHARED_BENCH/gen_faq.py, default
#      ../shared/bench) or, when that file is absent, bench/gen_faq_fallback.py (same shape);
#      then bench/prefix_ids.py makes question ids unique across the site (t<rank>- prefix), as
#      site-gen requires. Hugo builds gen_faq.py's hugo/ layout of the same data.
#   2. Maven: two projects made by the archetype (bench/work/projects/): "recommended" keeps the
#      archetype's .mvn/jvm.config, "default" has it removed (Maven's JVM defaults). Each runs
#        rm -rf OUT target && mvn -q -o site-gen:generate -Dsite-gen.contentDirectory=... -Dsite-gen.outputDirectory=OUT
#      (target/ holds the build cache: these are full builds), 1 untimed check build + RUNS timed
#      builds; wall time, CPU and peak RSS of the whole command, plus the plugin's own "total E ms" and
#      per-stage figures parsed from its log (-q would hide them, so the plugin's logger alone is set to
#      info with -Dorg.slf4j.simpleLogger.log.io.github.sitegen=info). MAVEN_OPTS is unset.
#      `mvn -q -o validate` of each project gives Maven's own cost: plugin work = generate - validate.
#   3. Incremental: the "recommended" project on a copy of the dataset, its build cache filled by one
#      build, then RUNS builds each after one answer of one topic was edited (bench/edit_answer.py);
#      each must take all other topics from the cache and show the edit (the log line of what it
#      wrote in place is printed). Then two untimed builds record the output, and RUNS builds with
#      nothing changed each must find the output current and leave it as it is (printed: how many
#      files it knew by their stat and how many it read).
#   4. Serve: bench/serve_latency.py starts site-gen:serve in the same project and times RUNS edits
#      from saving the file to the edited page served (SKIP_SERVE=1 skips it).
#   5. In-process: bench/src/InProcessBench.java, compiled here against the installed plugin jar,
#      calls SiteGenerator.generate() INPROC_RUNS times in one JVM: first run = cold, median of the rest = warm.
#   6. Hugo (when `hugo` is on PATH): rm -rf OUT && hugo --source ... --destination OUT --quiet --noBuildLock,
#      1 untimed check build + RUNS timed builds, in turn with the two Maven builds (A B C A B C ...).
#   7. The command line (cli/target/site-gen-cli-<v>.jar of the checkout, or CLI_JAR), in the same turns:
#        cd PROJECT && rm -rf OUT target && java -jar CLI_JAR generate --content-directory ... --output-directory OUT
#      ("cli": a clean build, as the Maven ones), the same with class-data sharing ("cli-cds"):
#      on Java 19+ -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=bench/work/cli.jsa, on 17/18 an
#      AppCDS archive written by the check build (-XX:ArchiveClassesAtExit) and read by the timed ones,
#      and with CDS plus the archetype's .mvn/jvm.config options, -XX:TieredStopAtLevel=1 -XX:+UseSerialGC
#      ("cli-fast"; docs/cli.md recommends them for a build that starts a JVM each time); and, when a
#      Java 25 or later is at hand (AOT_JAVA, or the java on PATH), with its ahead-of-time cache
#      (JEP 483/514: classes loaded and linked, and the JIT's profiles, kept from a training run):
#      the check build runs with -XX:AOTCacheOutput=bench/work/cli[-fast].aot, the timed ones with
#      -XX:AOTCache=... ("cli-aot" with the JVM's defaults, "cli-aot-fast" with the archetype's options).
#   Every output folder is checked (topic pages, question anchors, rendered bold) before the results count.
#
# env:    RUNS         timed builds per tool and size (default 5; 3 when SIZE >= 100000)
#         INPROC_RUNS  in-process builds in one JVM (default RUNS + 1: 1 cold + RUNS warm)
#         RUN_TIMEOUT  bound in s on any single build (default 900); a build that hits it fails the script
#         MVN          Maven command (default mvn)
#         SEED         dataset seed (default 42)
#         SHARED_BENCH folder of the peer benchmark (default ../shared/bench beside the repository)
#         SKIP_HUGO=1  do not run Hugo even when it is installed
#         MAVEN_REPO_LOCAL  a local Maven repository to use instead of ~/.m2/repository (passed as
#                      -Dmaven.repo.local to every mvn call): pins the measured plugin jar when other
#                      builds on the machine install the plugin into the shared ~/.m2 meanwhile
#         SKIP_FLOOR=1 skip the Maven start-up floor (mvn -q -o validate of each project, RUNS times each)
#         SKIP_SERVE=1 skip the serve measurement
#         SKIP_INCREMENTAL=1  skip the incremental and nothing-changed builds (and serve, which uses them)
#         SKIP_INPROC=1       skip the in-process builds
#         CLI_JAR      the command line's runnable jar (default cli/target/site-gen-cli-<v>.jar; build
#                      it with ./mvnw -pl cli -am package -DskipTests); absent: the CLI is skipped
#         SKIP_CLI=1   do not run the command line
#         AOT_JAVA     the java command of a JDK 25 or later for the cli-aot variants (default: java on
#                      PATH when it is 25 or later; otherwise they are skipped)
#         SKIP_MAVEN=1 do not run the Maven builds (the CLI and Hugo only; implies SKIP_INCREMENTAL)
#
# Prerequisites: Java 17+ (java, javac), Maven, python3, GNU coreutils `timeout`; the plugin
# and archetype installed in the local Maven repository:  ./mvnw -q install -DskipTests -Dinvoker.skip
# Optional: hugo (Debian 12: apt-get install -y hugo, 0.111.3 as in the peer benchmark).
#
# Everything is written under bench/work/: data/, out/, logs/, results/ (runs.tsv accumulates every
# run; summary.md is the table of the latest run of each size).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$HERE/work

case "${1:-}" in
  -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
esac

die() { echo "run.sh: error: $*" >&2; exit 1; }
note() { echo "run.sh: $*" >&2; }

SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1000 10000 100000)
for s in "${SIZES[@]}"; do
  [[ "$s" =~ ^[1-9][0-9]*$ ]] || die "SIZE must be a positive number of questions, got '$s'"
done
for v in RUNS INPROC_RUNS RUN_TIMEOUT SEED; do
  [ -z "${!v:-}" ] || [[ "${!v}" =~ ^[0-9]+$ ]] || die "$v must be a whole number, got '${!v}'"
done
[ -z "${RUNS:-}" ] || [ "$RUNS" -ge 1 ] || die "RUNS must be at least 1"

MVN=${MVN:-mvn}
SEED=${SEED:-42}
RUN_TIMEOUT=${RUN_TIMEOUT:-900}
SHARED_BENCH=${SHARED_BENCH:-$HERE/../../shared/bench}
PLUGIN_GAV=io.github.sitegen:site-gen-maven-plugin:0.1.0-SNAPSHOT
ARCHETYPE_GAV=io.github.sitegen:site-gen-archetype:0.1.0-SNAPSHOT
DEP_PLUGIN=org.apache.maven.plugins:maven-dependency-plugin:3.8.1
# Named in full: offline, Maven resolves the prefix "archetype" only from group metadata a local
# repository may not have.
ARCHETYPE_PLUGIN=org.apache.maven.plugins:maven-archetype-plugin:3.4.1
REPO_ARG=""
if [ -n "${MAVEN_REPO_LOCAL:-}" ]; then
  [ -d "$MAVEN_REPO_LOCAL" ] || die "MAVEN_REPO_LOCAL=$MAVEN_REPO_LOCAL is not a folder"
  MAVEN_REPO_LOCAL=$(cd "$MAVEN_REPO_LOCAL" && pwd)
  REPO_ARG="-Dmaven.repo.local=$MAVEN_REPO_LOCAL"
fi

# ------------------------------------------------------------------ prerequisites
command -v python3 >/dev/null || die "python3 not found (Debian: apt-get install -y python3)"
command -v java >/dev/null    || die "java not found: Java 17 or later is needed (Debian: apt-get install -y openjdk-17-jdk-headless)"
command -v javac >/dev/null   || die "javac not found: a JDK, not only a JRE, is needed (Debian: apt-get install -y openjdk-17-jdk-headless)"
command -v "$MVN" >/dev/null  || die "Maven ('$MVN') not found: install Maven (Debian: apt-get install -y maven) or set MVN"
command -v timeout >/dev/null || die "timeout (GNU coreutils) not found"
jv=$(java -version 2>&1 | sed -nE 's/.*version "([0-9]+).*/\1/p' | head -1)
[ -n "$jv" ] && [ "$jv" -ge 17 ] || die "Java 17 or later is needed, found: $(java -version 2>&1 | head -1)"

if [ -f "$SHARED_BENCH/pytimer.py" ]; then
  TIMER=pytimer
elif /usr/bin/time -f '%e' true >/dev/null 2>&1; then
  TIMER=gnutime
else
  die "no timer: neither $SHARED_BENCH/pytimer.py nor GNU time (/usr/bin/time; Debian: apt-get install -y time)"
fi
if [ -f "$SHARED_BENCH/gen_faq.py" ]; then
  GEN=$SHARED_BENCH/gen_faq.py
else
  GEN=$HERE/gen_faq_fallback.py
  note "$SHARED_BENCH/gen_faq.py not found: using bench/gen_faq_fallback.py (same shape, other words)"
fi
if [ -d "$SHARED_BENCH/sites/hugo/layouts" ]; then HUGO_SITE=$SHARED_BENCH/sites/hugo; else HUGO_SITE=$HERE/sites/hugo; fi
HUGO=1
if [ -n "${SKIP_HUGO:-}" ]; then
  HUGO=0; note "SKIP_HUGO is set: Hugo is not run"
elif ! command -v hugo >/dev/null; then
  HUGO=0; note "hugo not on PATH: Hugo is skipped (Debian 12: apt-get install -y hugo)"
fi

CLI=1
CLI_JAR=${CLI_JAR:-$HERE/../cli/target/site-gen-cli-${PLUGIN_GAV##*:}.jar}
CDS_ARCHIVE=$WORK/cli.jsa
if [ -n "${SKIP_CLI:-}" ]; then
  CLI=0; note "SKIP_CLI is set: the command line is not run"
elif [ ! -f "$CLI_JAR" ]; then
  CLI=0; note "no $CLI_JAR: the command line is skipped (build it: ./mvnw -pl cli -am package -DskipTests)"
fi
# class-data sharing: Java 19+ writes the archive by itself on the first run; 17 and 18 need a run
# with -XX:ArchiveClassesAtExit first (the CLI's check build, below)
if [ "$jv" -ge 19 ]; then CDS_USE="-XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=$CDS_ARCHIVE"; else CDS_USE="-XX:SharedArchiveFile=$CDS_ARCHIVE"; fi

FAST_JVM="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
# the ahead-of-time cache of Java 25 (JEP 514's one-step -XX:AOTCacheOutput); one cache per set of
# JVM options, as the JVM refuses a cache made with other GC options
AOT_JAVA=${AOT_JAVA:-java}
AOT_VARIANTS=""
if [ "$CLI" -eq 1 ] && command -v "$AOT_JAVA" >/dev/null; then
  aot_jv=$("$AOT_JAVA" -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/\1/p')
  if [ "${aot_jv:-0}" -ge 25 ]; then AOT_VARIANTS="aot aot-fast"; else note "no Java 25 for the CLI's AOT cache (set AOT_JAVA): cli-aot is skipped"; fi
fi
aot_options() { # VARIANT USE|MAKE: the JVM options of an AOT variant
  local cache=$WORK/cli-$1.aot
  echo "-XX:AOTCache$([ "$2" = make ] && echo Output)=$cache$([ "$1" = aot-fast ] && echo " $FAST_JVM")"
}
MAVEN_PROJECTS="default recommended"
[ -z "${SKIP_MAVEN:-}" ] || { MAVEN_PROJECTS=""; SKIP_FLOOR=1; note "SKIP_MAVEN is set: no Maven build is run"; }

# Maven's default memory settings: no MAVEN_OPTS / MAVEN_ARGS from the caller.
for v in MAVEN_OPTS MAVEN_ARGS; do
  if [ -n "${!v:-}" ]; then note "ignoring $v='${!v}' (the benchmark uses Maven's defaults)"; fi
  unset "$v"
done
for v in JAVA_TOOL_OPTIONS _JAVA_OPTIONS JDK_JAVA_OPTIONS; do
  [ -z "${!v:-}" ] || note "warning: $v='${!v}' is set and changes every JVM measured here"
done
for f in /etc/mavenrc "$HOME/.mavenrc"; do
  [ ! -f "$f" ] || note "warning: $f exists; mvn reads it (it may set MAVEN_OPTS): set MAVEN_SKIP_RC=1 to ignore it"
done

mkdir -p "$WORK"/{data,out,logs,results}
RESULTS=$WORK/results
RUN_ID=$(date -u +%Y%m%dT%H%M%SZ)
TSV=$RESULTS/runs.tsv
[ -f "$TSV" ] || printf 'run_id\tsize\ttool\trun\twall_s\tcpu_s\tpeak_mib\ttotal_ms\tvalidate_ms\tmarkdown_ms\ttemplates_ms\twrite_ms\tpages_per_s\tload1\n' > "$TSV"
OUTS=$RESULTS/outputs.tsv
[ -f "$OUTS" ] || printf 'run_id\tsize\ttool\ttopics\tquestions\tinput_bytes\tfiles\toutput_bytes\n' > "$OUTS"

# ------------------------------------------------------------------ helpers
load1() { cut -d' ' -f1 /proc/loadavg; }

# timed FILE CMD...: runs CMD once under the timer (bounded by RUN_TIMEOUT) and prints
# "wall_s cpu_s peak_mib exit_code"; peak = largest RSS among the processes CMD waited for.
timed() {
  local f=$1; shift
  local rc=0
  if [ "$TIMER" = pytimer ]; then
    python3 "$SHARED_BENCH/pytimer.py" -n 1 --warmup 0 -- timeout -k 10 "$RUN_TIMEOUT" "$@" > "$f" 2>&1 || rc=$?
    [ "$rc" -eq 0 ] || { echo "0 0 0 $rc"; return; }
    awk '$1=="A" && $2=="wall" {w=$5} $1=="A" && $2=="cpu" {c=$5} $1=="A" && $2=="peak" {p=$5}
         $1=="A" && $2=="exit" {x=$3} END {print w, c, p, x}' "$f"
  else
    /usr/bin/time -f '%e %U %S %M' -o "$f" timeout -k 10 "$RUN_TIMEOUT" "$@" >/dev/null 2>&1 || rc=$?
    tail -1 "$f" | awk -v rc="$rc" '{printf "%s %.3f %.1f %s\n", $1, $2 + $3, $4 / 1024, rc}'
  fi
}

# check_sitegen DIR T Q: the site-gen output has T topic pages, Q question anchors, >= Q <strong>
check_sitegen() {
  local d=$1 T=$2 Q=$3 topics anchors bold
  [ -f "$d/index.html" ] || { echo "no $d/index.html" >&2; return 1; }
  topics=$(find "$d" -mindepth 2 -maxdepth 2 -type f -name index.html | wc -l)
  anchors=$(find "$d" -mindepth 2 -maxdepth 2 -type f -name index.html -exec grep -ohF '<span class="question-anchor" id="' {} + | wc -l)
  bold=$(find "$d" -mindepth 2 -maxdepth 2 -type f -name index.html -exec grep -ohF '<strong>' {} + | wc -l)
  [ "$topics" -eq "$T" ] && [ "$anchors" -eq "$Q" ] && [ "$bold" -ge "$Q" ] \
    || { echo "$d: $topics topic pages (want $T), $anchors question anchors (want $Q), $bold <strong> (want >= $Q)" >&2; return 1; }
}

# check_hugo DIR T Q: as the peer benchmark's verify(): T+1 pages, only pages, Q anchors, Q <strong>
check_hugo() {
  local d=$1 T=$2 Q=$3 pages files anchors bold
  [ -f "$d/index.html" ] || { echo "no $d/index.html" >&2; return 1; }
  pages=$(find "$d" -type f -name '*.html' | wc -l)
  files=$(find "$d" -type f | wc -l)
  anchors=$(grep -rhoF '<section class="faq-q" id="' "$d" | wc -l)
  bold=$(grep -rhoF '<strong>' "$d" | wc -l)
  [ "$pages" -eq $((T + 1)) ] && [ "$files" -eq "$pages" ] && [ "$anchors" -eq "$Q" ] && [ "$bold" -eq "$Q" ] \
    || { echo "$d: $pages pages (want $((T + 1))), $files files, $anchors anchors (want $Q), $bold <strong> (want $Q)" >&2; return 1; }
}

dir_files() { find "$1" -type f | wc -l; }
dir_bytes() { find "$1" -type f -printf '%s\n' | awk '{s+=$1} END {print s+0}'; }

fail_log() { # MESSAGE LOG
  echo "run.sh: error: $1 (log: $2)" >&2
  [ ! -f "$2" ] || tail -25 "$2" | sed 's/\x1b\[[0-9;]*m//g' >&2
  exit 1
}

# ------------------------------------------------------------------ setup: projects, classpath, javac
mkdir -p "$WORK/classpath/.mvn" "$WORK/classes" "$WORK/projects"
# The projects a user gets: made by the archetype, so with its .mvn/jvm.config ("recommended"), and
# the same project without that file ("default": Maven's JVM defaults). The empty .mvn/ folders make
# each project its own Maven base directory, so no .mvn/ of an enclosing repository applies.
echo "== setup: two projects from $ARCHETYPE_GAV"
for name in default recommended; do
  rm -rf "$WORK/projects/$name"
  (cd "$WORK/projects" && timeout 600 "$MVN" -B -q -o "$ARCHETYPE_PLUGIN:generate" -DinteractiveMode=false \
      -DarchetypeGroupId=io.github.sitegen -DarchetypeArtifactId=site-gen-archetype -DarchetypeVersion="${PLUGIN_GAV##*:}" \
      -DgroupId=bench.sitegen -DartifactId="$name" -Dversion=1 ${REPO_ARG:+"$REPO_ARG"}) > "$WORK/logs/archetype-$name.log" 2>&1 \
    || fail_log "archetype:generate failed; install the archetype first: ./mvnw -q install -DskipTests -Dinvoker.skip" "$WORK/logs/archetype-$name.log"
done
[ -f "$WORK/projects/recommended/.mvn/jvm.config" ] || die "the archetype's project has no .mvn/jvm.config"
rm "$WORK/projects/default/.mvn/jvm.config"
echo "   recommended .mvn/jvm.config: $(cat "$WORK/projects/recommended/.mvn/jvm.config")"
cat > "$WORK/classpath/pom.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<!-- Written by bench/run.sh: throwaway project, only to resolve the plugin jar and its runtime dependencies. -->
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench.sitegen</groupId>
  <artifactId>site-gen-bench-classpath</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>${PLUGIN_GAV%%:*}</groupId>
      <artifactId>$(echo "$PLUGIN_GAV" | cut -d: -f2)</artifactId>
      <version>${PLUGIN_GAV##*:}</version>
    </dependency>
  </dependencies>
</project>
EOF

echo "== setup: resolving $PLUGIN_GAV and its dependencies"
CP_FILE=$WORK/classpath/classpath.txt
CP_LOG=$WORK/logs/classpath.log
rm -f "$CP_FILE"
cp_cmd=("$MVN" -B -q -f "$WORK/classpath/pom.xml" "$DEP_PLUGIN:build-classpath"
        -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=runtime ${REPO_ARG:+"$REPO_ARG"})
if ! timeout 600 "${cp_cmd[@]}" -o > "$CP_LOG" 2>&1; then
  note "offline resolution failed; retrying online (downloads maven-dependency-plugin if missing)"
  timeout 600 "${cp_cmd[@]}" >> "$CP_LOG" 2>&1 \
    || fail_log "cannot resolve $PLUGIN_GAV; install the plugin first, from the repository root: ./mvnw -q install -DskipTests -Dinvoker.skip${REPO_ARG:+ $REPO_ARG}" "$CP_LOG"
fi
CP=$(cat "$CP_FILE")
PLUGIN_JAR=$(tr ':' '\n' < "$CP_FILE" | grep -m1 'site-gen-maven-plugin' || true)
[ -n "$PLUGIN_JAR" ] && [ -f "$PLUGIN_JAR" ] || die "the resolved classpath has no site-gen-maven-plugin jar (see $CP_FILE)"
echo "   plugin jar: $PLUGIN_JAR ($(date -u -r "$PLUGIN_JAR" '+installed %Y-%m-%d %H:%M UTC'), sha256 $(sha256sum "$PLUGIN_JAR" | cut -c1-12))"
rm -rf "$WORK/classes" && mkdir -p "$WORK/classes"
javac -nowarn -d "$WORK/classes" -cp "$CP" "$HERE/src/InProcessBench.java" > "$WORK/logs/javac.log" 2>&1 \
  || fail_log "javac of bench/src/InProcessBench.java failed" "$WORK/logs/javac.log"

{
  echo "run_id:   $RUN_ID"
  echo "machine:  $(nproc) cores, $(free -h | awk '/Mem:/ {print $2}') RAM, $(uname -sr)"
  echo "java:     $(java -version 2>&1 | sed -n 2p)"
  echo "maven:    $("$MVN" -v 2>&1 | head -1 | sed 's/\x1b\[[0-9;]*m//g')"
  if [ "$HUGO" -eq 1 ]; then echo "hugo:     $(hugo version 2>&1 | head -1)"; else echo "hugo:     (not run)"; fi
  echo "python3:  $(python3 --version 2>&1)"
  echo "timer:    $TIMER; generator: $(realpath --relative-to="$HERE/.." "$GEN"); seed $SEED"
  echo "plugin:   $(basename "$PLUGIN_JAR") sha256 $(sha256sum "$PLUGIN_JAR" | cut -c1-12)"
  if [ "$CLI" -eq 1 ]; then echo "cli:      $(basename "$CLI_JAR") sha256 $(sha256sum "$CLI_JAR" | cut -c1-12); CDS: $CDS_USE"; fi
  if [ -n "$AOT_VARIANTS" ]; then echo "aot java: $("$AOT_JAVA" -version 2>&1 | sed -n 2p)"; fi
  echo "repo:     $(git -C "$HERE/.." log -1 --format='%h %s' 2>/dev/null || echo '(not a git checkout)') (the jar measured is the installed one above)"
} | tee "$RESULTS/environment-$RUN_ID.txt"

# ------------------------------------------------------------------ Maven's fixed cost
# Each project, no site built: `validate` (Maven starts, reads the pom, runs nothing). The plugin's
# own work is a generate's time minus this.
if [ -z "${SKIP_FLOOR:-}" ]; then
  echo
  echo "== Maven start-up floor (mvn -q -o validate, no site built), ${RUNS:-5} runs each, projects in turn"
  mkdir -p "$WORK/logs/floor"
  for i in $(seq 1 "${RUNS:-5}"); do
    for name in default recommended; do
      log=$WORK/logs/floor/validate-$name.$i.log l=$(load1)
      read -r wall cpu peak rc < <(timed "$log.timing" sh -c "cd '$WORK/projects/$name' && exec $MVN -q -o validate${REPO_ARG:+ '$REPO_ARG'} > '$log' 2>&1")
      [ "$rc" = 0 ] || fail_log "mvn -q -o validate exited $rc" "$log"
      printf '%s\t0\tvalidate %s\t%s\t%s\t%s\t%s\t\t\t\t\t\t\t%s\n' "$RUN_ID" "$name" "$i" "$wall" "$cpu" "$peak" "$l" >> "$TSV"
      printf '   validate %-12s %d: wall %5.2f s  cpu %5.2f s  peak %6.1f MiB (load %s)\n' "$name" "$i" "$wall" "$cpu" "$peak" "$l"
    done
  done
fi

# ------------------------------------------------------------------ per size
for SIZE in "${SIZES[@]}"; do
  if [ "$SIZE" -ge 100000 ]; then runs=${RUNS:-3}; else runs=${RUNS:-5}; fi
  inproc_runs=${INPROC_RUNS:-$((runs + 1))}
  DATA=$WORK/data/$SIZE OUT=$WORK/out/$SIZE LOGS=$WORK/logs/$SIZE
  mkdir -p "$OUT" "$LOGS"
  echo
  echo "== $SIZE questions: dataset"
  stamp="$(sha256sum "$GEN" "$HERE/prefix_ids.py" | cut -c1-16 | tr '\n' ' ') seed=$SEED size=$SIZE"
  if [ -f "$DATA/.stamp" ] && [ "$(cat "$DATA/.stamp")" = "$stamp" ] && [ -f "$DATA/MANIFEST" ] && [ -d "$DATA/sitegen" ] && [ -d "$DATA/hugo/content" ]; then
    echo "   reusing $DATA (same generator, seed and size)"
  else
    rm -rf "$DATA" && mkdir -p "$DATA"
    timeout "$RUN_TIMEOUT" python3 "$GEN" --questions "$SIZE" --out "$DATA" --seed "$SEED" --peers hugo \
      || die "dataset generation failed for $SIZE"
    # site-gen needs question ids unique across the site: t<rank>- prefix (see docs/content-format.md)
    python3 "$HERE/prefix_ids.py" "$DATA/content" "$DATA/sitegen" || die "prefix_ids.py failed for $SIZE"
    echo "$stamp" > "$DATA/.stamp"
  fi
  T=$(awk -F= '$1=="topics" {print $2}' "$DATA/MANIFEST")
  Q=$(awk -F= '$1=="questions" {print $2}' "$DATA/MANIFEST")
  in_bytes=$(du -sb "$DATA/sitegen" | cut -f1)
  echo "   $T topics, $Q questions, site-gen input $in_bytes bytes ($DATA/sitegen)"

  # commands (the clean step is inside the timed command, as in the peer benchmark; target/, which
  # holds the build cache, is cleaned too: these are full builds)
  hugo_out=$OUT/hugo
  mvn_cmd() { # PROJECT OUTPUT CONTENT [CLEAN]: a generate in one of the projects
    local c="cd '$WORK/projects/$1' && "
    [ -z "${4:-}" ] || c+="rm -rf '$2' target && "
    c+="exec $MVN -q -o site-gen:generate -Dorg.slf4j.simpleLogger.log.io.github.sitegen=info${REPO_ARG:+ '$REPO_ARG'}"
    echo "$c -Dsite-gen.contentDirectory='$3' -Dsite-gen.outputDirectory='$2'"
  }
  cli_cmd() { # OUTPUT CONTENT [JAVA_OPTIONS [JAVA]]: a clean generate by the command line, run in its own project folder
    echo "cd '$WORK/cli-project' && rm -rf '$1' target && exec ${4:-java} ${3:-} -jar '$CLI_JAR' generate --content-directory '$2' --output-directory '$1'"
  }
  hugo_cmd="rm -rf '$hugo_out' && exec hugo --source '$DATA/hugo' --destination '$hugo_out' --quiet --noBuildLock"
  if [ "$HUGO" -eq 1 ]; then cp -r "$HUGO_SITE/." "$DATA/hugo/"; fi

  # untimed check builds (also warm the page cache)
  echo "== $SIZE: check builds"
  for name in $MAVEN_PROJECTS; do
    cmd=$(mvn_cmd "$name" "$OUT/site-gen-$name" "$DATA/sitegen" clean)
    echo "   maven ($name): sh -c \"$cmd\""
    log=$LOGS/maven-$name.check.log
    timeout -k 10 "$RUN_TIMEOUT" sh -c "$cmd > '$log' 2>&1" || fail_log "Maven check build failed for $SIZE" "$log"
    check_sitegen "$OUT/site-gen-$name" "$T" "$Q" || fail_log "site-gen output check failed for $SIZE" "$log"
    python3 "$HERE/report.py" parse-log "$log" > /dev/null || fail_log "no site-gen timing line in the Maven log" "$log"
    if grep -q 'WARN' "$log"; then note "the plugin logged warnings (first 3):"; grep -m3 'WARN' "$log" | sed 's/\x1b\[[0-9;]*m//g' >&2; fi
  done
  [ -z "$MAVEN_PROJECTS" ] || printf '%s\t%s\tsite-gen\t%s\t%s\t%s\t%s\t%s\n' "$RUN_ID" "$SIZE" "$T" "$Q" "$in_bytes" "$(dir_files "$OUT/site-gen-default")" "$(dir_bytes "$OUT/site-gen-default")" >> "$OUTS"
  if [ "$HUGO" -eq 1 ]; then
    echo "   hugo:  sh -c \"$hugo_cmd\""
    log=$LOGS/hugo.check.log
    timeout -k 10 "$RUN_TIMEOUT" sh -c "$hugo_cmd > '$log' 2>&1" || fail_log "Hugo check build failed for $SIZE" "$log"
    check_hugo "$hugo_out" "$T" "$Q" || fail_log "Hugo output check failed for $SIZE" "$log"
    printf '%s\t%s\thugo\t%s\t%s\t%s\t%s\t%s\n' "$RUN_ID" "$SIZE" "$T" "$Q" "$(du -sb "$DATA/hugo/content" | cut -f1)" "$(dir_files "$hugo_out")" "$(dir_bytes "$hugo_out")" >> "$OUTS"
  fi
  if [ "$CLI" -eq 1 ]; then
    mkdir -p "$WORK/cli-project" && rm -f "$CDS_ARCHIVE"
    cds_make=$([ "$jv" -ge 19 ] && echo "$CDS_USE" || echo "-XX:ArchiveClassesAtExit=$CDS_ARCHIVE")
    for variant in plain cds; do
      cmd=$(cli_cmd "$OUT/cli" "$DATA/sitegen" "$([ "$variant" = cds ] && echo "$cds_make")")
      echo "   cli ($variant): sh -c \"$cmd\""
      log=$LOGS/cli-$variant.check.log
      timeout -k 10 "$RUN_TIMEOUT" sh -c "$cmd > '$log' 2>&1" || fail_log "CLI check build failed for $SIZE" "$log"
      check_sitegen "$OUT/cli" "$T" "$Q" || fail_log "CLI output check failed for $SIZE" "$log"
    done
    for variant in $AOT_VARIANTS; do # the training runs that write the AOT caches
      rm -f "$WORK/cli-$variant.aot"
      cmd=$(cli_cmd "$OUT/cli" "$DATA/sitegen" "$(aot_options "$variant" make)" "$AOT_JAVA")
      echo "   cli ($variant, training): sh -c \"$cmd\""
      log=$LOGS/cli-$variant.check.log
      timeout -k 10 "$RUN_TIMEOUT" sh -c "$cmd > '$log' 2>&1" || fail_log "CLI AOT training build failed for $SIZE" "$log"
      [ -f "$WORK/cli-$variant.aot" ] || fail_log "the training build wrote no AOT cache" "$log"
      check_sitegen "$OUT/cli" "$T" "$Q" || fail_log "CLI output check failed for $SIZE" "$log"
    done
    [ -z "$MAVEN_PROJECTS" ] || diff -r -q "$OUT/cli" "$OUT/site-gen-default" > /dev/null || note "warning: the CLI's site differs from Maven's (diff -r $OUT/cli $OUT/site-gen-default)"
  fi
  echo "   outputs OK: $T topic pages and $Q question anchors each"

  # time_maven TOOL RUN CMD OUTPUT: one timed Maven build, checked and recorded
  time_maven() {
    local log=$LOGS/$1.$2.log l total validate md tpl write pps wall cpu peak rc
    l=$(load1)
    read -r wall cpu peak rc < <(timed "$log.timing" sh -c "$3 > '$log' 2>&1")
    [ "$rc" = 0 ] || fail_log "$1 run $2 for $SIZE exited $rc (124 = RUN_TIMEOUT hit)" "$log"
    check_sitegen "$4" "$T" "$Q" || fail_log "site-gen output check failed after $1 run $2" "$log"
    read -r total validate md tpl write pps < <(python3 "$HERE/report.py" parse-log "$log") \
      || fail_log "no site-gen timing line in the Maven log" "$log"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$RUN_ID" "$SIZE" "$1" "$2" "$wall" "$cpu" "$peak" \
      "$total" "$validate" "$md" "$tpl" "$write" "$pps" "$l" >> "$TSV"
    printf '   %-11s %d: wall %6.2f s  cpu %6.2f s  peak %7.1f MiB  plugin total %6d ms (load %s)\n' "$1" "$2" "$wall" "$cpu" "$peak" "$total" "$l"
  }

  # timed runs: Maven's defaults, the archetype's settings and Hugo in turn (A B C A B C ...)
  echo "== $SIZE: $runs timed runs in turn:$([ -n "$MAVEN_PROJECTS" ] && echo " Maven (defaults), Maven (archetype's .mvn/jvm.config)")$([ "$HUGO" -eq 1 ] && echo ", Hugo")$([ "$CLI" -eq 1 ] && echo ", CLI, CLI with CDS, CLI with CDS and the archetype's JVM options")$([ -n "$AOT_VARIANTS" ] && echo ", CLI on Java 25 with its AOT cache, the same with the archetype's JVM options")"
  for i in $(seq 1 "$runs"); do
    if [ -n "$MAVEN_PROJECTS" ]; then
      time_maven maven "$i" "$(mvn_cmd default "$OUT/site-gen-default" "$DATA/sitegen" clean)" "$OUT/site-gen-default"
      time_maven maven-rec "$i" "$(mvn_cmd recommended "$OUT/site-gen-recommended" "$DATA/sitegen" clean)" "$OUT/site-gen-recommended"
    fi
    if [ "$HUGO" -eq 1 ]; then
      log=$LOGS/hugo.$i.log l=$(load1)
      read -r wall cpu peak rc < <(timed "$LOGS/hugo.$i.timing" sh -c "$hugo_cmd > '$log' 2>&1")
      [ "$rc" = 0 ] || fail_log "Hugo run $i for $SIZE exited $rc (124 = RUN_TIMEOUT hit)" "$log"
      check_hugo "$hugo_out" "$T" "$Q" || fail_log "Hugo output check failed after run $i" "$log"
      printf '%s\t%s\thugo\t%s\t%s\t%s\t%s\t\t\t\t\t\t\t%s\n' "$RUN_ID" "$SIZE" "$i" "$wall" "$cpu" "$peak" "$l" >> "$TSV"
      printf '   hugo        %d: wall %6.2f s  cpu %6.2f s  peak %7.1f MiB (load %s)\n' "$i" "$wall" "$cpu" "$peak" "$l"
    fi
    if [ "$CLI" -eq 1 ]; then
      time_maven cli "$i" "$(cli_cmd "$OUT/cli" "$DATA/sitegen")" "$OUT/cli"
      time_maven cli-cds "$i" "$(cli_cmd "$OUT/cli" "$DATA/sitegen" "$CDS_USE")" "$OUT/cli"
      time_maven cli-fast "$i" "$(cli_cmd "$OUT/cli" "$DATA/sitegen" "$CDS_USE $FAST_JVM")" "$OUT/cli"
      for variant in $AOT_VARIANTS; do
        time_maven "cli-$variant" "$i" "$(cli_cmd "$OUT/cli" "$DATA/sitegen" "$(aot_options "$variant" use)" "$AOT_JAVA")" "$OUT/cli"
      done
    fi
  done

  if [ -z "${SKIP_INCREMENTAL:-}" ] && [ -n "$MAVEN_PROJECTS" ]; then
  # incremental: the archetype's project with its build cache filled, one answer of one topic edited
  # before each build (a copy of the dataset; cp -a keeps the files' times, so none is "recent")
  edit=$WORK/edit/$SIZE inc_out=$OUT/incremental
  rm -rf "$edit" "$inc_out" && mkdir -p "$WORK/edit" && cp -a "$DATA/sitegen" "$edit"
  victim=$(ls "$edit" | grep -v '^site\.' | sort | sed -n "$(( (T + 1) / 2 ))p")
  inc_cmd=$(mvn_cmd recommended "$inc_out" "$edit")
  echo "== $SIZE: $runs incremental builds, one answer of $victim edited before each"
  rm -rf "$WORK/projects/recommended/target"
  timeout -k 10 "$RUN_TIMEOUT" sh -c "$inc_cmd > '$LOGS/incremental.fill.log' 2>&1" \
    || fail_log "the build that fills the cache failed" "$LOGS/incremental.fill.log"
  for i in $(seq 1 "$runs"); do
    python3 "$HERE/edit_answer.py" "$edit/$victim" "edit $i"
    time_maven incremental "$i" "$inc_cmd" "$inc_out"
    # The edited topic is built again, and the topics whose related questions found for them the
    # edit changed; a build that took fewer than nine tenths from the cache did not use it.
    gave=$(sed -n 's/.*gave \([0-9]*\) of '"$T"' topics.*/\1/p' "$LOGS/incremental.$i.log" | head -1)
    [ -n "$gave" ] && [ "$gave" -lt "$T" ] && [ $((gave * 10)) -ge $((T * 9)) ] \
      || fail_log "the incremental build did not take most of the $T topics but the edited one from the cache" "$LOGS/incremental.$i.log"
    echo "   incremental $i: the cache gave $gave of $T topics"
    grep -q "edit $i" "$inc_out/${victim%.yaml}/index.html" || fail_log "the edit is not in the page" "$LOGS/incremental.$i.log"
    sed -n 's/.*site-gen: \(updated .* in place: .*\)/   incremental '"$i"': \1/p' "$LOGS/incremental.$i.log" | sed 's/\x1b\[[0-9;]*m//g' 
  done

  # nothing new: the same generate again, with no input changed; the output must be left as it is
  echo "== $SIZE: $runs builds with nothing changed"
  # The last edit was too recent to record the output (bench/README.md): one build records it. Files
  # written less than two seconds before they are checked are read again by the next build, which
  # records their size, times and inode; from then on, a build with nothing changed reads none.
  sleep 2
  for fill in record settle; do
    timeout -k 10 "$RUN_TIMEOUT" sh -c "$inc_cmd > '$LOGS/unchanged.$fill.log' 2>&1" \
      || fail_log "the build that records the output failed" "$LOGS/unchanged.$fill.log"
    sleep 2
  done
  for i in $(seq 1 "$runs"); do
    time_maven unchanged "$i" "$inc_cmd" "$inc_out"
    grep -q "is current" "$LOGS/unchanged.$i.log" \
      || fail_log "the build with nothing changed did not find the output current" "$LOGS/unchanged.$i.log"
    sed -n 's/.*every file is as that build wrote it (\(.*\)); checked in \([0-9]*\) ms.*/   unchanged   '"$i"': \1, checked in \2 ms/p' \
      "$LOGS/unchanged.$i.log" | sed 's/\x1b\[[0-9;]*m//g' 
  done

  # serve: from saving the edited file to the new page served (the preview's own build cache)
  if [ -z "${SKIP_SERVE:-}" ]; then
    echo "== $SIZE: serve, $runs edits of $victim, save to edited page served"
    python3 "$HERE/serve_latency.py" --project "$WORK/projects/recommended" --content "$edit" --file "$victim" \
        --runs "$runs" --mvn "$MVN" ${REPO_ARG:+"--repo-arg=$REPO_ARG"} --log "$LOGS/serve.log" --timeout "$RUN_TIMEOUT" \
        > "$LOGS/serve.tsv" || fail_log "serve_latency.py failed" "$LOGS/serve.log"
    awk -v id="$RUN_ID" -v s="$SIZE" -v l="$(load1)" -F'\t' '$1=="RUN" {
        printf "%s\t%s\tserve\t%s\t%.3f\t\t\t%s\t\t\t\t\t\t%s\n", id, s, $2, $4 / 1000, $3, l
        printf "   serve       %s: new build served after %s ms, edited page fetched after %s ms\n", $2, $3, $4 > "/dev/stderr"
      }' "$LOGS/serve.tsv" >> "$TSV"
  fi

  fi # SKIP_INCREMENTAL

  if [ -z "${SKIP_INPROC:-}" ]; then
  # in-process: one JVM, INPROC_RUNS builds (1 cold, the rest warm)
  echo "== $SIZE: in-process, $inproc_runs builds in one JVM"
  log=$LOGS/inprocess.log l=$(load1)
  ip_out=$OUT/in-process
  read -r wall cpu peak rc < <(timed "$LOGS/inprocess.timing" sh -c \
    "exec java -cp '$CP:$WORK/classes' InProcessBench '$DATA/sitegen' '$ip_out' $inproc_runs > '$log' 2>&1")
  [ "$rc" = 0 ] || fail_log "in-process run for $SIZE exited $rc (124 = RUN_TIMEOUT hit)" "$log"
  check_sitegen "$ip_out" "$T" "$Q" || fail_log "in-process output check failed for $SIZE" "$log"
  printf '%s\t%s\tinprocess-jvm\t0\t%s\t%s\t%s\t\t\t\t\t\t\t%s\n' "$RUN_ID" "$SIZE" "$wall" "$cpu" "$peak" "$l" >> "$TSV"
  awk -v id="$RUN_ID" -v s="$SIZE" -v l="$l" '$1=="RUN" {
      pps = ($4 > 0) ? int($9 * 1000 / $4) : 0
      printf "%s\t%s\tinprocess\t%s\t%.3f\t%.3f\t\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", id, s, $2, $3 / 1000, $12 / 1000, $4, $5, $6, $7, $8, pps, l
    }' "$log" >> "$TSV"
  grep -E '^(RUN|COLD|WARM)' "$log" | sed 's/^/   /'
  printf '   JVM: wall %.2f s, cpu %.2f s, peak %.1f MiB for %d builds\n' "$wall" "$cpu" "$peak" "$inproc_runs"
  rm -rf "$ip_out"
  fi # SKIP_INPROC
done

echo
python3 "$HERE/report.py" summary "$TSV" "$OUTS" --md "$RESULTS/summary.md"
echo
echo "rows: $TSV   summary: $RESULTS/summary.md   logs: $WORK/logs/"
