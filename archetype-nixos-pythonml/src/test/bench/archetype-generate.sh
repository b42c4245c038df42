#!/usr/bin/env bash
# Times `mvn -o -B archetype:generate` of both nixml archetypes against maven-archetype-quickstart, interleaved in
# the same run, and prints the median wall time of each and its ratio to quickstart (goal: <= 1.2).
#
# Prerequisites, once: mvn -B install  (the archetypes in the local repository), and, online, the quickstart:
#   mvn -B dependency:get -Dartifact=org.apache.maven.archetypes:maven-archetype-quickstart:1.5
# Usage: archetype-nixos-pythonml/src/test/bench/archetype-generate.sh [repetitions, default 7]
set -euo pipefail

reps="${1:-7}"
root="$(cd "$(dirname "$0")/../../../.." && pwd)"
version="$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$root/pom.xml" | head -n 1)"
plugin_version="$(sed -n 's:.*<version.archetype>\(.*\)</version.archetype>.*:\1:p' "$root/pom.xml")"
quickstart="org.apache.maven.archetypes:maven-archetype-quickstart:1.5"
archetypes=("$quickstart"
            "io.github.nixml:archetype-nixos-pythonml:$version"
            "io.github.nixml:archetype-fhs:$version")

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# One generation, in an empty directory outside any project; prints milliseconds.
generate() {
  local gav="$1" run="$2"
  local g a v
  IFS=: read -r g a v <<<"$gav"
  local dir="$work/$a-$run"
  mkdir -p "$dir"
  local start end
  start=$(date +%s%N)
  (cd "$dir" && mvn -o -B -q "org.apache.maven.plugins:maven-archetype-plugin:$plugin_version:generate" \
      -DarchetypeCatalog=local \
      -DarchetypeGroupId="$g" -DarchetypeArtifactId="$a" -DarchetypeVersion="$v" \
      -DgroupId=org.example.bench -DartifactId=bench -Dversion=1.0-SNAPSHOT >"$dir.log" 2>&1) || {
    echo "generation of $gav failed, see below" >&2; cat "$dir.log" >&2; exit 1; }
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

declare -A times
for gav in "${archetypes[@]}"; do
  generate "$gav" warmup >/dev/null   # JIT-cold first run and page cache: not counted
  times[$gav]=""
done
for ((i = 1; i <= reps; i++)); do
  # Rotate the order each repetition so that no archetype always runs right after another.
  for ((k = 0; k < ${#archetypes[@]}; k++)); do
    gav="${archetypes[(i + k) % ${#archetypes[@]}]}"
    times[$gav]+="$(generate "$gav" "$i") "
  done
done

base=$(tr ' ' '\n' <<<"${times[$quickstart]}" | grep . | median)
echo "| archetype | runs (ms) | median (ms) | ratio to quickstart |"
echo "| --- | --- | --- | --- |"
for gav in "${archetypes[@]}"; do
  m=$(tr ' ' '\n' <<<"${times[$gav]}" | grep . | median)
  ratio=$(awk -v m="$m" -v b="$base" 'BEGIN { printf "%.2f", m / b }')
  echo "| ${gav#*:} | ${times[$gav]% } | $m | $ratio |"
done
