#!/usr/bin/env bash
# The monorepo figure of issue 20: the command line on 1,000 generated projects against the same command on one of
# them, alternated in the same run, each a fresh JVM as a user runs it. Throughput beyond the single-project time =
# (N - 1) / (median time of N projects - median time of one). Reported for the launcher of the distribution
# (bin/nixml, class-data archive, C1 only) and for `java -jar …-cli.jar`, wall and CPU (user + system) time.
# Build first: mvn -B -o -q -pl validator-plugin package -DskipTests   (also writes the distribution)
# Usage: validator-plugin/src/test/bench/monorepo.sh [runs=7] [projects=1000]
# The launcher runs $JAVA_HOME/bin/java when JAVA_HOME is set (e.g. a JDK 25, to measure its AOT cache).
set -euo pipefail
runs=${1:-7}
count=${2:-1000}
here=$(cd "$(dirname "$0")/../../.." && pwd)
jar=$(ls "$here"/target/nixml-maven-plugin-*-cli.jar | head -1)
dist=$(ls "$here"/target/nixml-*-bin.tar.gz | head -1)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar xzf "$dist" -C "$work"
launcher=$(ls "$work"/nixml-*/bin/nixml)
export NIXML_CACHE_DIR=$work/cache            # a fresh class-data archive, made by the warm-up run below
java -cp "$here/target/test-classes:$here/target/classes" io.github.nixml.bench.ValidatorBenchmark "$count" 0 0 "$here" >/dev/null
many=$here/target/bench/projects
one=$work/one
mkdir -p "$one" && cp -r "$many/p0000" "$one/"
args=(validate --format text --fail-on none --today 2026-11-25)
now() { date +%s.%N; }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
# one timed run: prints "wall cpu"
measure() {
  local t0 t1 c; local TIMEFORMAT=%U+%S
  t0=$(now); c=$( { time "$@" >/dev/null 2>&1; } 2>&1 ); t1=$(now)
  echo "$(echo "$t1 - $t0" | bc) $(echo "$c" | bc)"
}
for kind in launcher jar; do
  if [[ $kind == launcher ]]; then cmd=("$launcher"); else cmd=(java -jar "$jar"); fi
  "${cmd[@]}" "${args[@]}" "$one" >/dev/null || true; sleep 5   # the class-data archive (JDK 25: made in the background)
  "${cmd[@]}" "${args[@]}" "$many" >/dev/null || true            # warm-up: file cache
  w1=(); c1=(); wn=(); cn=()
  for ((i = 0; i < runs; i++)); do
    read -r w c < <(measure "${cmd[@]}" "${args[@]}" "$one"); w1+=("$w"); c1+=("$c")
    read -r w c < <(measure "${cmd[@]}" "${args[@]}" "$many"); wn+=("$w"); cn+=("$c")
  done
  m1=$(median "${w1[@]}"); mn=$(median "${wn[@]}"); mc1=$(median "${c1[@]}"); mcn=$(median "${cn[@]}")
  echo "$kind: one project median ${m1}s (CPU ${mc1}s)  [${w1[*]}]"
  echo "$kind: $count projects median ${mn}s (CPU ${mcn}s)  [${wn[*]}]"
  echo "$kind: beyond the single project: $(echo "($count - 1) / ($mn - $m1)" | bc) projects/s wall," \
    "$(echo "($count - 1) / ($mcn - $mc1)" | bc) projects per CPU-second"
done
echo "runs: $runs, cores: $(nproc), load average at the end: $(cut -d" " -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
