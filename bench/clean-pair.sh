#!/usr/bin/env bash
# Clean builds of two builds of site-gen, paired: A, B, A, B ... in one JVM per build, through the
# core's API (bench/src/CleanBuild.java), with the archetype's JVM options and the build cache on,
# as the Maven goal builds. Prints each build's line with the 1-minute load, then the medians.
#
#   bench/clean-pair.sh CONTENT A_CLASSPATH B_CLASSPATH [ROUNDS]
#
# CONTENT: a content folder (e.g. bench/work/data/10000/sitegen from run.sh). A_CLASSPATH and
# B_CLASSPATH: each build's jar (site-gen-core, or site-gen-maven-plugin before the module split)
# and its runtime dependencies, ':'-separated, e.g. from
#   ./mvnw -o -q -pl core dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=runtime
# (for an older commit, check it out with `git worktree add --detach DIR COMMIT` and build it there).
# Columns of a CLEAN line: wall_ms cpu_ms total_ms validate_ms markdown_ms templates_ms write_ms files bytes
# (cpu_ms: the JVM's CPU during the build, every thread); TIME: the whole JVM, wall s, user s, sys s, peak KiB.
set -euo pipefail
[ $# -ge 3 ] || { sed -n 2,14p "$0"; exit 2; }
HERE=$(cd "$(dirname "$0")" && pwd)
CONTENT=$1 A=$2 B=$3 ROUNDS=${4:-3}
WORK=$HERE/work/clean-pair
mkdir -p "$WORK/A" "$WORK/B"
javac -nowarn -d "$WORK/A" -cp "$A" "$HERE/src/CleanBuild.java"
javac -nowarn -d "$WORK/B" -cp "$B" "$HERE/src/CleanBuild.java"
LOG=$WORK/runs.txt
: > "$LOG"
for round in $(seq "$ROUNDS"); do
  for side in A B; do
    cp=${!side}
    load=$(cut -d' ' -f1 /proc/loadavg)
    line=$(/usr/bin/time -f 'TIME %e %U %S %M' java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$cp:$WORK/$side" \
      CleanBuild "$CONTENT" "$WORK/out-$side" "$WORK/cache-$side" 2>&1 | grep -E '^(CLEAN|TIME|THREADS)' | tr '\n' ' ')
    echo "$side load=$load $line" | tee -a "$LOG"
  done
done
python3 - "$LOG" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    f = line.split()
    c = f.index('CLEAN'); t = f.index('TIME')
    rows.setdefault(f[0], []).append((int(f[c + 2]) / 1000, float(f[t + 2]) + float(f[t + 3]), int(f[c + 3]) / 1000,
                                      float(f[1].split('=')[1])))
for side, r in rows.items():
    m = lambda i: statistics.median(x[i] for x in r)
    print(f"{side}: median of {len(r)}: build CPU {m(0):.2f} s, JVM user+sys {m(1):.2f} s, plugin total {m(2):.2f} s,"
          f" load {min(x[3] for x in r)}-{max(x[3] for x in r)}")
PY
