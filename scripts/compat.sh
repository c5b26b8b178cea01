#!/usr/bin/env bash
# Builds the example site with several Maven versions (and JDKs) and checks that every build
# writes the same bytes as the reference build (the first Maven version on the first JDK).
#
#   scripts/compat.sh                      # Maven 3.9.16 (the wrapper's), 3.6.3, 4.0.0-rc-5 on
#                                          # the default JDK, and on Temurin 25 if it is installed
#   MAVEN_VERSIONS="3.9.16 4.0.0-rc-5" JAVA_HOMES="$JAVA_HOME" scripts/compat.sh   # CI, one JDK
#
# Environment:
#   MAVEN_VERSIONS  Maven versions to run, space separated; the first is the reference.
#                   Default: the wrapper's version, 3.6.3, 4.0.0-rc-5.
#   JAVA_HOMES      JDKs to run each Maven on, space separated. Default: $JAVA_HOME (or the java on
#                   the PATH), plus /usr/lib/jvm/temurin-25* when present.
#   COMPAT_CACHE    Where Maven distributions are kept. Default: ~/.cache/site-gen/maven
#
# Maven distributions come from Maven Central (org.apache.maven:apache-maven, bin.tar.gz).
# The plugin is installed once, with the wrapper, into a private local repository
# (target/compat/repo) so that the shared ~/.m2 keeps whatever SNAPSHOT others installed;
# ~/.m2 serves as a read-only mirror of released artifacts, Central is the fallback.
# Output: one folder per run under target/compat/out/, a table, and target/compat/manifest.sha256
# (the reference output's checksums, for comparing runs made on other machines).
# Exit status: 0 when every run succeeded and matched the reference, 1 otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

wrapper_version=$(sed -n 's:.*apache-maven/\([^/]*\)/.*:\1:p' .mvn/wrapper/maven-wrapper.properties)
read -r -a versions <<< "${MAVEN_VERSIONS:-$wrapper_version 3.6.3 4.0.0-rc-5}"
if [[ -n "${JAVA_HOMES:-}" ]]; then
  read -r -a jdks <<< "$JAVA_HOMES"
else
  default_jdk=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
  jdks=("$default_jdk")
  for extra in /usr/lib/jvm/temurin-25*; do
    [[ -x "$extra/bin/java" ]] && jdks+=("$extra")
  done
fi
cache=${COMPAT_CACHE:-$HOME/.cache/site-gen/maven}
work=$root/target/compat
repo=$work/repo
mkdir -p "$cache" "$work"
rm -rf "$work/out" "$work/projects" "$work"/*.log "$work"/*.diff "$work/manifest.sha256"

# Released artifacts come from ~/.m2 as if it were a remote (fast, no download); snapshots never
# do, so the plugin under test is the one installed below.
settings=$work/settings.xml
cat > "$settings" <<XML
<settings>
  <profiles>
    <profile>
      <id>shared-m2</id>
      <activation><activeByDefault>true</activeByDefault></activation>
      <repositories>
        <repository><id>shared-m2</id><url>file://$HOME/.m2/repository</url>
          <releases><enabled>true</enabled></releases><snapshots><enabled>false</enabled></snapshots></repository>
      </repositories>
      <pluginRepositories>
        <pluginRepository><id>shared-m2</id><url>file://$HOME/.m2/repository</url>
          <releases><enabled>true</enabled></releases><snapshots><enabled>false</enabled></snapshots></pluginRepository>
      </pluginRepositories>
    </profile>
  </profiles>
</settings>
XML

maven_home() {   # downloads and unpacks one Maven distribution into the cache, prints its home
  local v=$1 dir=$cache/apache-maven-$1
  if [[ ! -x "$dir/bin/mvn" ]]; then
    local url=https://repo.maven.apache.org/maven2/org/apache/maven/apache-maven/$v/apache-maven-$v-bin.tar.gz
    echo "downloading $url" >&2
    curl -fsSL --retry 3 -o "$cache/apache-maven-$v-bin.tar.gz.part" "$url"
    tar -xzf "$cache/apache-maven-$v-bin.tar.gz.part" -C "$cache"
    rm -f "$cache/apache-maven-$v-bin.tar.gz.part"
  fi
  echo "$dir"
}

java_version() {
  "$1/bin/java" -version 2>&1 | sed -n '1s/.*version "\([^"]*\)".*/\1/p'
}

echo "Installing the plugin into $repo ..."
./mvnw -B -q -ntp -s "$settings" -Dmaven.repo.local="$repo" install -pl plugin -am -DskipTests -Dinvoker.skip

rows=()
failed=0
reference=
for jdk in "${jdks[@]}"; do
  jv=$(java_version "$jdk")
  for v in "${versions[@]}"; do
    mvn_home=$(maven_home "$v")
    label="maven-$v-java-$jv"
    # A copy of what the example needs: the parent POM, the content and example-site itself.
    project=$work/projects/$label
    mkdir -p "$project"
    cp pom.xml "$project/"
    cp -r content example-site "$project/"
    # Its own .mvn marks the copy as a project root; otherwise Maven 4 (and 3.9's
    # multiModuleProjectDirectory) would take this repository, above it, for the root.
    mkdir -p "$project/.mvn"
    rm -rf "$project/example-site/target"
    log=$work/$label.log
    start=$(date +%s%N)
    if JAVA_HOME=$jdk MAVEN_ARGS= MAVEN_OPTS= "$mvn_home/bin/mvn" -B -ntp -s "$settings" \
         -Dmaven.repo.local="$repo" -f "$project/example-site/pom.xml" verify > "$log" 2>&1; then
      result=ok
    else
      result="BUILD FAILED (see ${log#"$root"/})"
    fi
    seconds=$(awk -v a="$start" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')
    out=$work/out/$label
    if [[ $result == ok ]]; then
      mkdir -p "$(dirname "$out")"
      cp -r "$project/example-site/target/site-gen" "$out"
      if [[ -z $reference ]]; then
        reference=$out
        result="ok (reference)"
        (cd "$out" && find . -type f -print0 | sort -z | xargs -0 sha256sum) > "$work/manifest.sha256"
      elif diff -r "$reference" "$out" > "$work/$label.diff"; then
        result="ok, identical"
        rm -f "$work/$label.diff"
      else
        result="DIFFERENT (see ${work#"$root"/}/$label.diff)"
      fi
    fi
    [[ $result == ok* ]] || failed=1
    rows+=("$v|$jv|$result|$seconds")
  done
done

echo
printf '| %-12s | %-10s | %-45s | %7s |\n' "Maven" "Java" "result" "seconds"
printf '|%s|%s|%s|%s|\n' "--------------" "------------" "-----------------------------------------------" "---------"
for row in "${rows[@]}"; do
  IFS='|' read -r v jv result seconds <<< "$row"
  printf '| %-12s | %-10s | %-45s | %7s |\n' "$v" "$jv" "$result" "$seconds"
done
echo
echo "reference output: ${reference#"$root"/} ($(wc -l < "$work/manifest.sha256" 2>/dev/null || echo 0) files," \
     "manifest sha256 $(sha256sum "$work/manifest.sha256" 2>/dev/null | cut -c1-16 || true))"
exit $failed
