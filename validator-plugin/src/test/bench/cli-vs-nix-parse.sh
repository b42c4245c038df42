#!/usr/bin/env bash
# Compares the command line on one project (validate, every rule, the text report) with `nix-instantiate --parse`
# of the same flake.nix, in the same run, alternating: the distribution's launcher (bin/nixml: class-data archive
# in a fresh cache made by a first run, C1 only), `java -jar …-cli.jar`, and Nix. Build first:
#   mvn -B -o -q -pl validator-plugin package -DskipTests      (writes the jar and nixml-VERSION-bin.tar.gz)
# Usage: validator-plugin/src/test/bench/cli-vs-nix-parse.sh [runs] [project-dir] [extra java options for -jar…]
# The launcher runs $JAVA_HOME/bin/java when JAVA_HOME is set (e.g. a JDK 25, to measure its AOT cache).
set -euo pipefail
runs=${1:-10}
here=$(cd "$(dirname "$0")/../../.." && pwd)
project=${2:-$here/src/test/resources/rules/python-version-mismatch/good-ld-path}
shift $(($# < 2 ? $# : 2))
jar=$(ls "$here"/target/nixml-maven-plugin-*-cli.jar | head -1)
dist=$(ls "$here"/target/nixml-*-bin.tar.gz | head -1)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/project" "$work/dist"
cp -r "$project/." "$work/project/"
rm -f "$work/project/expected.txt" "$work/project/nixml.properties"
tar xzf "$dist" -C "$work/dist"
export NIXML_CACHE_DIR=$work/cache
args=(validate --format text --fail-on none --today 2026-11-25 "$work/project")
launcher=("$(ls "$work"/dist/nixml-*/bin/nixml)" "${args[@]}")
cli=(java "$@" -jar "$jar" "${args[@]}")
nix=(nix-instantiate --parse "$work/project/flake.nix")
now() { date +%s.%N; }
cpu() { local TIMEFORMAT=%U+%S; { time "$@" >/dev/null 2>&1; } 2>&1 | bc; }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
"${launcher[@]}" >/dev/null; "${cli[@]}" >/dev/null; "${nix[@]}" >/dev/null   # the class-data archive, file cache
sleep 5   # on JDK 25 the launcher makes its AOT cache in the background after its first run
l=(); c=(); n=(); lc=(); cc=(); nc=()
for ((i = 0; i < runs; i++)); do
  t0=$(now); "${launcher[@]}" >/dev/null; t1=$(now); "${cli[@]}" >/dev/null; t2=$(now); "${nix[@]}" >/dev/null; t3=$(now)
  l+=("$(echo "$t1 - $t0" | bc)"); c+=("$(echo "$t2 - $t1" | bc)"); n+=("$(echo "$t3 - $t2" | bc)")
  lc+=("$(cpu "${launcher[@]}")"); cc+=("$(cpu "${cli[@]}")"); nc+=("$(cpu "${nix[@]}")")
done
ml=$(median "${l[@]}"); mc=$(median "${c[@]}"); mn=$(median "${n[@]}")
echo "runs: $runs, cores: $(nproc), load average: $(cut -d" " -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1), $(nix-instantiate --version)"
echo "bin/nixml runs ${JAVA_HOME:-java on the PATH}/bin/java; java -jar runs $(command -v java)"
echo "bin/nixml validate (one project): median ${ml}s  [${l[*]}]"
echo "java -jar validate (one project): median ${mc}s  [${c[*]}]"
echo "nix-instantiate --parse flake.nix: median ${mn}s  [${n[*]}]"
echo "ratio (wall): bin/nixml $(echo "scale=1; $ml / $mn" | bc), java -jar $(echo "scale=1; $mc / $mn" | bc)"
mlc=$(median "${lc[@]}"); mcc=$(median "${cc[@]}"); mnc=$(median "${nc[@]}")
echo "CPU seconds, median: bin/nixml ${mlc}s, java -jar ${mcc}s, nix-instantiate ${mnc}s" \
  "(ratios $(echo "scale=1; $mlc / $mnc" | bc), $(echo "scale=1; $mcc / $mnc" | bc))"
