#!/usr/bin/env bash
# Compares the wall time of `mvn nixml:validate` on one generated project with a no-op `mvn validate` on an empty
# pom, alternating the two, in the same run. Needs the plugin in a local repository: ~/.m2 after
#   mvn -B -q -pl validator-plugin install -DskipTests
# or, without touching ~/.m2, the ITs' staging repository (NIXML_REPO=it/target/local-repo) after
#   mvn -B -o -pl it -am verify -Dit.skipMaven4 -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dinvoker.test=setup-generate
# Usage: [NIXML_REPO=dir] validator-plugin/src/test/bench/compare-with-noop.sh [runs] [project-dir]
set -euo pipefail
runs=${1:-10}
here=$(cd "$(dirname "$0")/../../.." && pwd)
project=${2:-$here/src/test/resources/rules/python-version-mismatch/good-ld-path}
. "$(dirname "$0")/goal-bench-setup.sh"
goal_bench_setup "$project"
plugin=io.github.nixml:nixml-maven-plugin:0.1.0-SNAPSHOT:validate
# Both sides use the same local repository.
repo=()
if [[ -n "${NIXML_REPO:-}" ]]; then
  repo=("-Dmaven.repo.local=$(cd "$NIXML_REPO" && pwd)" -s "$work/settings.xml")
fi
mvn() {
  if [[ -n "${NIXML_REPO:-}" ]]; then
    # The file: repository is a remote one to Maven: drop -o (what it holds is copied once, then found locally).
    local args=(); for a in "$@"; do [[ "$a" == -o ]] || args+=("$a"); done
    command mvn "${repo[@]}" "${args[@]}"
  else
    command mvn "$@"
  fi
}
now() { date +%s.%N; }
# CPU seconds (user + sys) of a command and its children: unlike wall time, it does not grow with machine load.
cpu() { local TIMEFORMAT=%U+%S; { time "$@" >/dev/null 2>&1; } 2>&1 | bc; }
validate=()
noop=()
validate_cpu=()
noop_cpu=()
# one untimed round each, so that both start from a warm file cache
(cd "$work/project" && mvn -B -q -o "$plugin" -Dnixml.failOn=none >/dev/null)
(cd "$work/empty" && mvn -B -q -o validate >/dev/null)
for ((i = 0; i < runs; i++)); do
  t0=$(now); (cd "$work/project" && mvn -B -q -o "$plugin" -Dnixml.failOn=none >/dev/null); t1=$(now)
  (cd "$work/empty" && mvn -B -q -o validate >/dev/null); t2=$(now)
  validate+=("$(echo "$t1 - $t0" | bc)")
  noop+=("$(echo "$t2 - $t1" | bc)")
  validate_cpu+=("$(cd "$work/project" && cpu mvn -B -q -o "$plugin" -Dnixml.failOn=none)")
  noop_cpu+=("$(cd "$work/empty" && cpu mvn -B -q -o validate)")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
mv=$(median "${validate[@]}")
mn=$(median "${noop[@]}")
echo "runs: $runs, cores: $(nproc), load average: $(cut -d" " -f1-3 /proc/loadavg), $(mvn -B -v 2>/dev/null | head -1)"
echo "mvn nixml:validate (one project): median ${mv}s  [${validate[*]}]"
echo "mvn validate (empty pom, no-op):   median ${mn}s  [${noop[*]}]"
echo "ratio (wall): $(echo "scale=2; $mv / $mn" | bc)"
cv=$(median "${validate_cpu[@]}")
cn=$(median "${noop_cpu[@]}")
echo "CPU seconds, median: nixml:validate ${cv}s, no-op ${cn}s, ratio (CPU): $(echo "scale=2; $cv / $cn" | bc)"
