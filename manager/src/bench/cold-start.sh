#!/bin/bash
# Cold start of the packaged CLI against the JVM's own: `java -version`, `passthru --version` and
# `passthru attach --help` (one subcommand's model), each RUNS times (default 10) after 2 warm-up runs, with
# hyperfine when it is installed (apt-get install hyperfine), else a bash loop. Prints mean and min wall time in ms;
# the min is the least disturbed by other load on the machine. Also the CLI without its AppCDS archive
# (PASSTHRU_CDS=off), to show what the archive saves.
#
#   manager/src/bench/cold-start.sh [PATH_TO_bin/passthru] [RUNS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cli=${1:-$here/../../target/passthru/bin/passthru}
runs=${2:-10}
[ -x "$cli" ] || { echo "no CLI at $cli: build it first (mvn package)" >&2; exit 1; }
java=${JAVA_HOME:+$JAVA_HOME/bin/}java

names=("java -version" "passthru --version" "passthru attach --help" "passthru --version, no AppCDS")
cmds=("$java -version" "$cli --version" "$cli attach --help" "env PASSTHRU_CDS=off $cli --version")

if command -v hyperfine > /dev/null; then
  json=$(mktemp)
  log=$(mktemp)
  trap 'rm -f "$json" "$log"' EXIT
  args=()
  for i in "${!cmds[@]}"; do args+=(-n "${names[$i]}" "${cmds[$i]}"); done
  # its outlier warnings are expected on a loaded machine: the min column is the number to read then
  hyperfine -N -w 2 -r "$runs" --export-json "$json" "${args[@]}" > "$log" 2>&1 || { cat "$log" >&2; exit 1; }
  python3 - "$json" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print(f"{r['command']:32s} mean {r['mean'] * 1000:6.0f} ms   min {r['min'] * 1000:6.0f} ms")
PY
else
  for i in "${!cmds[@]}"; do
    for w in 1 2; do ${cmds[$i]} > /dev/null 2>&1; done
    total=0 min=
    for r in $(seq "$runs"); do
      s=$(date +%s%N)
      ${cmds[$i]} > /dev/null 2>&1
      t=$((($(date +%s%N) - s) / 1000000))
      total=$((total + t))
      if [ -z "$min" ] || [ "$t" -lt "$min" ]; then min=$t; fi
    done
    printf '%-32s mean %6d ms   min %6d ms\n' "${names[$i]}" $((total / runs)) "$min"
  done
fi
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
