#!/usr/bin/env bash
# JVM settings for `mvn site-gen:generate`, side by side: which .mvn/jvm.config a project made by the
# archetype should ship. Each setting is written to the consumer project's .mvn/jvm.config (where a
# user gets it), and the settings take turns within each round (A B C ... A B C ...), so they meet
# the same machine load.
#
# usage:  bench/jvm-settings.sh [SIZES...]      default: 1000 10000 100000 (datasets made by run.sh,
#                                                 which must have run once for each size)
#         bench/jvm-settings.sh -h
#
# env:    RUNS              rounds per size (default 5; 3 at 100,000)
#         SETTINGS          names of the settings to run, space-separated (default: all, see below)
#         MVN, MAVEN_REPO_LOCAL, RUN_TIMEOUT, SHARED_BENCH   as for run.sh
#
# Prints one row per setting and size: median wall, CPU and peak RSS of the whole mvn command (clean
# output first, as in run.sh) and the plugin's own total from its log. Rows accumulate in
# bench/work/results/jvm-settings.tsv.
set -euo pipefail

if [ "${1:-}" = -h ] || [ "${1:-}" = --help ]; then
  awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"
  exit 0
fi
HERE=$(cd "$(dirname "$0")" && pwd) WORK=$(cd "$(dirname "$0")" && pwd)/work
die() { echo "jvm-settings.sh: error: $*" >&2; exit 1; }

# name|jvm.config line ("" = no file: Maven's defaults). The AppCDS archive is made by the first
# run of "cds" (-XX:ArchiveClassesAtExit) and used by the others.
CDS_ARCHIVE=$WORK/consumer-jvm/.mvn/site-gen.jsa
ALL_SETTINGS=(
  "default|"
  "c1-serial|-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
  "c1-parallel|-XX:TieredStopAtLevel=1 -XX:+UseParallelGC"
  "c1-g1|-XX:TieredStopAtLevel=1"
  "tiered-2threads-serial|-XX:CICompilerCount=2 -XX:+UseSerialGC"
  "c1-serial-xmx512m|-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx512m"
  "c1-serial-noperfdata|-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData"
  "cds|-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:SharedArchiveFile=$CDS_ARCHIVE"
)
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1000 10000 100000)
MVN=${MVN:-mvn}
RUN_TIMEOUT=${RUN_TIMEOUT:-900}
SHARED_BENCH=${SHARED_BENCH:-$HERE/../../shared/bench}
[ -f "$SHARED_BENCH/pytimer.py" ] || die "$SHARED_BENCH/pytimer.py not found"
REPO_ARG=${MAVEN_REPO_LOCAL:+-Dmaven.repo.local=$MAVEN_REPO_LOCAL}
unset MAVEN_OPTS MAVEN_ARGS

selected=()
for entry in "${ALL_SETTINGS[@]}"; do
  name=${entry%%|*}
  if [ -z "${SETTINGS:-}" ] || [[ " $SETTINGS " == *" $name "* ]]; then selected+=("$entry"); fi
done
[ ${#selected[@]} -gt 0 ] || die "no setting matches SETTINGS='${SETTINGS:-}'"

# A copy of run.sh's project made by the archetype, without its .mvn/jvm.config (each setting writes its own)
PROJECT=$WORK/consumer-jvm
[ -f "$WORK/projects/default/pom.xml" ] || die "run bench/run.sh once first: it makes bench/work/projects/ and the datasets"
rm -rf "$PROJECT" && cp -r "$WORK/projects/default" "$PROJECT"
mkdir -p "$PROJECT/.mvn" "$WORK/results" "$WORK/logs/jvm"
TSV=$WORK/results/jvm-settings.tsv
[ -f "$TSV" ] || printf 'date\tsize\tsetting\trun\twall_s\tcpu_s\tpeak_mib\ttotal_ms\tload1\n' > "$TSV"

config_for() { # ENTRY: writes the setting's .mvn/jvm.config
  local line=${1#*|}
  if [ -z "$line" ]; then rm -f "$PROJECT/.mvn/jvm.config"; else echo "$line" > "$PROJECT/.mvn/jvm.config"; fi
}

for SIZE in "${SIZES[@]}"; do
  DATA=$WORK/data/$SIZE/sitegen
  [ -d "$DATA" ] || die "no dataset $DATA: run bench/run.sh $SIZE first"
  if [ "$SIZE" -ge 100000 ]; then runs=${RUNS:-3}; else runs=${RUNS:-5}; fi
  OUT=$WORK/out/$SIZE/jvm
  cmd="cd '$PROJECT' && rm -rf '$OUT' target && exec $MVN -q -o site-gen:generate -Dorg.slf4j.simpleLogger.log.io.github.sitegen=info"
  cmd+=" ${REPO_ARG:+'$REPO_ARG'} -Dsite-gen.contentDirectory='$DATA' -Dsite-gen.outputDirectory='$OUT'"
  for entry in "${selected[@]}"; do
    if [ "${entry%%|*}" = cds ]; then
      rm -f "$CDS_ARCHIVE"
      echo "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:ArchiveClassesAtExit=$CDS_ARCHIVE" > "$PROJECT/.mvn/jvm.config"
      sh -c "$cmd" > "$WORK/logs/jvm/cds-dump.log" 2>&1 || die "the AppCDS dump run failed (see $WORK/logs/jvm/cds-dump.log)"
    fi
  done
  echo "== $SIZE questions, $runs rounds"
  for i in $(seq 1 "$runs"); do
    for entry in "${selected[@]}"; do
      name=${entry%%|*}
      config_for "$entry"
      log=$WORK/logs/jvm/$SIZE.$name.$i.log l=$(cut -d' ' -f1 /proc/loadavg)
      python3 "$SHARED_BENCH/pytimer.py" -n 1 --warmup 0 -- timeout -k 10 "$RUN_TIMEOUT" sh -c "$cmd > '$log' 2>&1" > "$log.timing" 2>&1
      read -r wall cpu peak code < <(awk '$1=="A" && $2=="wall" {w=$5} $1=="A" && $2=="cpu" {c=$5}
          $1=="A" && $2=="peak" {p=$5} $1=="A" && $2=="exit" {x=$3} END {print w, c, p, x}' "$log.timing")
      [ "$code" = 0 ] || die "$name run $i at $SIZE failed (see $log)"
      total=$(python3 "$HERE/report.py" parse-log "$log" | cut -d' ' -f1)
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$SIZE" "$name" "$i" "$wall" "$cpu" "$peak" "$total" "$l" >> "$TSV"
      printf '   %-24s %d: wall %6.2f s  cpu %6.2f s  peak %7.1f MiB  plugin %6s ms (load %s)\n' "$name" "$i" "$wall" "$cpu" "$peak" "$total" "$l"
    done
  done
done
rm -f "$PROJECT/.mvn/jvm.config"
echo
echo "medians (this invocation's rows are the last ones in $TSV):"
python3 - "$TSV" "${#SIZES[@]}" <<'EOF'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter='\t'))
groups = {}
for r in rows:
    groups.setdefault((int(r['size']), r['setting']), []).append(r)
print('| questions | setting | wall s | CPU s | peak MiB | plugin ms | runs |')
print('|---|---|---|---|---|---|---|')
for (size, setting), rs in sorted(groups.items()):
    med = lambda k: statistics.median(float(r[k]) for r in rs if r[k])
    print(f"| {size:,} | {setting} | {med('wall_s'):.2f} | {med('cpu_s'):.2f} | {med('peak_mib'):.0f} | {med('total_ms'):.0f} | {len(rs)} |")
EOF
