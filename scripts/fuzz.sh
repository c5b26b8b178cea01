#!/usr/bin/env bash
# Fuzzes site-gen with Jazzer for a given time per target, then prints each target's executions,
# coverage (libFuzzer's cov: edges and ft: features) and speed. Findings are written as files into
# the target's seed folder (<module>/src/test/resources/<package>/<Class>Inputs/<method>/, the module
# being core, or fml for the fml target), where the
# normal build then runs them as regression tests; the corpus grown on the way stays in
# <module>/.cifuzz-corpus/ (ignored by git) and is reused by the next run.
#
# usage: scripts/fuzz.sh [TARGET|all] [DURATION]
#   TARGET    topic | site | markdown | fml | ids-urls | all   (default: all, one after the other)
#   DURATION  per target, in Jazzer's units: 30s, 5m, 1h        (default: 5m)
# needs: JDK 17+ and the Maven wrapper; the first run downloads Jazzer from Maven Central.
# See docs/fuzzing.md.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TARGET=${1:-all}
DURATION=${2:-5m}
LOGS="$ROOT/target/fuzz"

declare -A TESTS=(
  [topic]='io.github.sitegen.ContentFuzzTest#topicFile'
  [site]='io.github.sitegen.ContentFuzzTest#siteFile'
  [markdown]='io.github.sitegen.markdown.MarkdownFuzzTest#render'
  [fml]='io.github.sitegen.fml.FmlFuzzTest#importFml'
  [ids-urls]='io.github.sitegen.render.IdsAndUrlsFuzzTest#idsAndUrls'
)
ORDER=(topic site markdown fml ids-urls)
if [ "$TARGET" = all ]; then
  TARGETS=("${ORDER[@]}")
elif [ -n "${TESTS[$TARGET]:-}" ]; then
  TARGETS=("$TARGET")
else
  echo "unknown target '$TARGET'; one of: ${ORDER[*]} all" >&2
  exit 2
fi

mkdir -p "$LOGS"
# Compile once; each target then runs its own test JVM (Jazzer fuzzes one @FuzzTest per JVM). The
# fuzz tests are in core and fml; -pl fml -am builds both (and the example theme, a test dependency
# of the core) from the reactor, so nothing needs to be installed first.
(cd "$ROOT" && ./mvnw -q -pl fml -am test-compile)
status=0
for target in "${TARGETS[@]}"; do
  log="$LOGS/$target.log"
  echo "== $target (${TESTS[$target]}) for $DURATION; log: ${log#"$ROOT/"}"
  # JAZZER_FUZZ turns regression mode into fuzzing; jazzer.max_duration overrides @FuzzTest(maxDuration);
  # jazzer.instrument adds coverage of the parsers site-gen feeds (its own classes are in by default);
  # jazzer.hooks.excluded names no class, so Jazzer's bug detectors hook everything (the pom's
  # default, for quiet test runs, leaves them out).
  set +e
  (cd "$ROOT" && JAZZER_FUZZ=1 ./mvnw -pl fml -am test-compile surefire:test \
      -Dtest="${TESTS[$target]}" -Dsurefire.failIfNoSpecifiedTests=false \
      -Djazzer.max_duration="$DURATION" \
      -Djazzer.instrument='io.github.sitegen.**,org.commonmark.**,org.jsoup.**,org.yaml.snakeyaml.**' \
      -Djazzer.hooks.excluded=none.excluded \
      >"$log" 2>&1)
  rc=$?
  set -e
  last=$(grep -aE '^#[0-9]+' "$log" | tail -n 1 || true)
  execs=$(sed -nE 's/^#([0-9]+).*/\1/p' <<<"$last")
  cov=$(grep -aoE 'cov: [0-9]+' <<<"$last" | tail -n 1 || true)
  ft=$(grep -aoE 'ft: [0-9]+' <<<"$last" | tail -n 1 || true)
  speed=$(grep -aoE 'exec/s: [0-9]+' <<<"$last" | tail -n 1 || true)
  echo "   executions: ${execs:-?}  ${cov:-cov: ?}  ${ft:-ft: ?}  ${speed:-exec/s: ?}"
  echo "   last stats: ${last:-none (see the log)}"
  if [ $rc -ne 0 ]; then
    status=1
    echo "   FINDING or failure (exit $rc):"
    grep -aE 'FuzzTestFinding|== Java Exception|Caused by|crash-|timeout-|AssertionError' "$log" | head -n 8 | sed 's/^/     /'
  fi
done
exit $status
