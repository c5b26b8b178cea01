#!/usr/bin/env bash
# Builds the example site and every bundled corpus (core/src/test/resources/corpus) with the
# plugin installed in the local repository, into target/platform-sites/<name>/, and writes their
# manifest, target/platform-sites.sha256 (scripts/SiteManifest.java: SHA-256 and path of every
# file). CI runs it on Linux, macOS and Windows and fails unless every manifest is Linux's
# (.github/workflows/compat.yml, docs/compatibility.md). Run it after ./mvnw install; on Windows,
# in Git Bash (./mvnw runs there; CI builds and tests through mvnw.cmd before).
set -euo pipefail
cd "$(dirname "$0")/.."

# The plugin's version is the parent POM's own, the <version> right after its artifactId.
version=$(awk '/<artifactId>site-gen-parent<\/artifactId>/ {getline; gsub(/.*<version>|<\/version>.*/, ""); print; exit}' pom.xml)
out=target/platform-sites
rm -rf "$out" target/platform-sites.sha256
mkdir -p "$out"

build() {   # build <name> <content folder>; paths relative to this folder, the project's and Maven's own
  echo "site-gen:generate $2 -> $out/$1"
  ./mvnw -B -ntp -q -N "io.github.sitegen:site-gen-maven-plugin:$version:generate" \
    -Dsite-gen.contentDirectory="$2" -Dsite-gen.outputDirectory="$out/$1"
}

build example content
for corpus in core/src/test/resources/corpus/*/; do
  build "$(basename "$corpus")" "${corpus}content"
done
java scripts/SiteManifest.java "$out" target/platform-sites.sha256
