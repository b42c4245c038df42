#!/usr/bin/env bash
# Compares the command line on one project (java -jar …-cli.jar validate, every rule, the text report) with
# `nix-instantiate --parse` of the same flake.nix, alternating the two, in the same run. Build the jar first:
#   mvn -B -o -q -pl validator-plugin package -DskipTests
# Usage: validator-plugin/src/test/bench/cli-vs-nix-parse.sh [runs] [project-dir] [extra java options…]
set -euo pipefail
runs=${1:-10}
here=$(cd "$(dirname "$0")/../../.." && pwd)
project=${2:-$here/src/test/resources/rules/python-version-mismatch/good-ld-path}
shift $(($# < 2 ? $# : 2))
jar=$(ls "$here"/target/nixml-maven-plugin-*-cli.jar | head -1)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$project/." "$work/"
rm -f "$work/expected.txt" "$work/nixml.properties"
cli=(java "$@" -jar "$jar" validate --format text --fail-on none --today 2026-11-25 "$work")
nix=(nix-instantiate --parse "$work/flake.nix")
now() { date +%s.%N; }
cpu() { local TIMEFORMAT=%U+%S; { time "$@" >/dev/null 2>&1; } 2>&1 | bc; }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
"${cli[@]}" >/dev/null; "${nix[@]}" >/dev/null   # warm the file cache
c=(); n=(); cc=(); nc=()
for ((i = 0; i < runs; i++)); do
  t0=$(now); "${cli[@]}" >/dev/null; t1=$(now); "${nix[@]}" >/dev/null; t2=$(now)
  c+=("$(echo "$t1 - $t0" | bc)"); n+=("$(echo "$t2 - $t1" | bc)")
  cc+=("$(cpu "${cli[@]}")"); nc+=("$(cpu "${nix[@]}")")
done
mc=$(median "${c[@]}"); mn=$(median "${n[@]}")
echo "runs: $runs, cores: $(nproc), load average: $(cut -d" " -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1), $(nix-instantiate --version)"
echo "nixml CLI validate (one project): median ${mc}s  [${c[*]}]"
echo "nix-instantiate --parse flake.nix: median ${mn}s  [${n[*]}]"
echo "ratio (wall): $(echo "scale=1; $mc / $mn" | bc)"
echo "CPU seconds, median: CLI $(median "${cc[@]}")s, nix-instantiate $(median "${nc[@]}")s"
