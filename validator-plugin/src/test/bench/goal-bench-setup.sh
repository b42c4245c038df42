# Sourced by compare-with-noop.sh and compare-goal-builds.sh: a temporary $work with a copy of the project
# ($work/project, its expected.txt dropped), an empty pom-packaging project ($work/empty) and $work/settings.xml,
# which makes ~/.m2 a file: repository (as the ITs do), so a separate local repository copies third-party
# artifacts from it instead of downloading them. Removed on exit.
# Usage: goal_bench_setup PROJECT_DIR
goal_bench_setup() {
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  mkdir -p "$work/project" "$work/empty"
  cp -r "$1/." "$work/project/"
  rm -f "$work/project/expected.txt"
  printf '%s\n' '<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>' \
    '<groupId>bench</groupId><artifactId>empty</artifactId><version>1</version><packaging>pom</packaging></project>' \
    > "$work/empty/pom.xml"
  cat > "$work/settings.xml" <<SETTINGS
<settings><profiles><profile><id>outer</id>
  <repositories><repository><id>outer</id><url>file://$HOME/.m2/repository</url></repository></repositories>
  <pluginRepositories><pluginRepository><id>outer</id><url>file://$HOME/.m2/repository</url></pluginRepository></pluginRepositories>
</profile></profiles><activeProfiles><activeProfile>outer</activeProfile></activeProfiles></settings>
SETTINGS
}
