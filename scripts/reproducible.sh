#!/usr/bin/env bash
# Builds the plugin jar twice from clean and checks that both builds give the same bytes.
# Prints the two sha256 sums; exits 1 when they differ (and lists the entries that differ).
# Usage: scripts/reproducible.sh            (from anywhere in the repository)
set -euo pipefail
cd "$(dirname "$0")/.."

jar=plugin/target/site-gen-maven-plugin-$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -n 1).jar
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

build() {
  ./mvnw -q -pl plugin -am clean package -DskipTests -Dinvoker.skip
  cp "$jar" "$work/$1.jar"
}

build first
sleep 2   # so that anything stamped with the build time would change
build second

a=$(sha256sum "$work/first.jar" | cut -d' ' -f1)
b=$(sha256sum "$work/second.jar" | cut -d' ' -f1)
echo "first build:  $a  $(basename "$jar")"
echo "second build: $b  $(basename "$jar")"
if [[ "$a" == "$b" ]]; then
  echo "reproducible: the two builds are byte for byte the same"
  exit 0
fi

echo "NOT reproducible; differing entries:" >&2
mkdir -p "$work/1" "$work/2"
(cd "$work/1" && unzip -q ../first.jar)
(cd "$work/2" && unzip -q ../second.jar)
diff -rq "$work/1" "$work/2" >&2 || true
unzip -Z -T "$work/first.jar" > "$work/1.list"
unzip -Z -T "$work/second.jar" > "$work/2.list"
diff "$work/1.list" "$work/2.list" >&2 || true
exit 1
