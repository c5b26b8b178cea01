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
# The plugin's runtime dependencies, as its descriptor lists them, from the local repository.
CP="core/target/classes:plugin/target/classes:$(python3 - plugin/target/classes/META-INF/maven/plugin.xml <<'PY'
import os, sys, xml.etree.ElementTree as ET
repo = os.environ.get("MAVEN_REPO_LOCAL", os.path.expanduser("~/.m2/repository"))
jars = []
for d in ET.parse(sys.argv[1]).getroot().find("dependencies"):
    g, a, v, t = (d.findtext(k) for k in ("groupId", "artifactId", "version", "type"))
    jars.append(os.path.join(repo, *g.split("."), a, v, f"{a}-{v}.{t or 'jar'}"))
print(":".join(jars))
PY
)"
mkdir -p "$WORK/classes"
javac -d "$WORK/classes" -cp "$CP" bench/src/ReaderFeaturesBench.java
java -cp "$CP:$WORK/classes" ReaderFeaturesBench "$DATA/sitegen" "$WORK/run" "$RUNS"
