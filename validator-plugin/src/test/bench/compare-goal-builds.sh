#!/usr/bin/env bash
# `mvn nixml:validate` of two builds of the plugin (each in its own local repository) and a no-op `mvn validate`,
# alternated in the same run: medians of wall and CPU (user + system) time. For before/after figures of a change.
# Stage a build without touching ~/.m2 (after `mvn -B -o -q -pl validator-plugin package -DskipTests`):
#   r=/tmp/nixml-after; mvn -o -q install:install-file -Dfile=pom.xml -DpomFile=pom.xml -DlocalRepositoryPath=$r
#   mvn -o -q install:install-file -Dfile=validator-plugin/target/nixml-maven-plugin-0.1.0-SNAPSHOT.jar \
#     -DpomFile=validator-plugin/pom.xml -DlocalRepositoryPath=$r
# Third-party artifacts are copied into each repository from ~/.m2 (as a file: repository) on the untimed first run.
# Usage: validator-plugin/src/test/bench/compare-goal-builds.sh BEFORE_REPO AFTER_REPO [runs=5] [project-dir]
set -euo pipefail
before=$(cd "$1" && pwd); after=$(cd "$2" && pwd); runs=${3:-5}
here=$(cd "$(dirname "$0")/../../.." && pwd)
project=${4:-$here/src/test/resources/rules/python-version-mismatch/good-ld-path}
. "$(dirname "$0")/goal-bench-setup.sh"
goal_bench_setup "$project"
goal=io.github.nixml:nixml-maven-plugin:0.1.0-SNAPSHOT:validate
run() { # kind offline?: the command for before, after or noop
  local repo=$after dir=$work/project args=("$goal" -Dnixml.failOn=none)
  case $1 in before) repo=$before ;; noop) dir=$work/empty; args=(validate) ;; esac
  (cd "$dir" && mvn -B -q $2 -Dmaven.repo.local="$repo" -s "$work/settings.xml" "${args[@]}")
}
for kind in before after noop; do run $kind "" >/dev/null; done   # copies what each repository lacks; warms the file cache
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
declare -A wall cpu
for ((i = 0; i < runs; i++)); do
  for kind in before after noop; do
    r=$( { TIMEFORMAT="%R %U+%S"; time run $kind -o >/dev/null 2>&1; } 2>&1 | tail -1)
    wall[$kind]+=" ${r% *}"; cpu[$kind]+=" $(echo "${r#* }" | bc)"
  done
done
for kind in before after noop; do
  echo "$kind: wall median $(median ${wall[$kind]})s [${wall[$kind]} ]  CPU median $(median ${cpu[$kind]})s [${cpu[$kind]} ]"
done
for kind in before after; do
  echo "$kind / no-op: wall $(echo "scale=2; $(median ${wall[$kind]}) / $(median ${wall[noop]})" | bc)," \
    "CPU $(echo "scale=2; $(median ${cpu[$kind]}) / $(median ${cpu[noop]})" | bc)"
done
echo "runs: $runs, cores: $(nproc), load average at the end: $(cut -d' ' -f1-3 /proc/loadavg), $(mvn -B -v 2>/dev/null | head -1)"
