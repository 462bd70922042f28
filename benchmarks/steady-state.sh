#!/bin/bash
# steady-state.sh [JMH_OPTIONS...]
# Steady-state time per call of the nine yardstick workloads: native (the same C built with clang-19 -O2,
# called REPS times in one process by c/native-harness.c) against jwasm's tiers under JMH, as a markdown
# table with the JIT's and the interpreter's ratio to native. Run from the project root after
#   mvn -q -Pbench -pl benchmarks -am package -DskipTests
# JMH options default to "-f 1 -wi 3 -i 5" (the benchmarks' own iteration times: 2 s); for example
#   benchmarks/steady-state.sh -p tier=JIT            # JIT only
#   benchmarks/steady-state.sh -p program=fib,nbody   # two programs
# Environment: REPS (native timed calls, default 10), CC (default clang-19), REUSE_CSV=1 (tabulate the
# last JMH run, target/jmh-yardstick.csv, instead of running JMH again).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jar="$here/target/benchmarks.jar"
[ -f "$jar" ] || { echo "build first: mvn -q -Pbench -pl benchmarks -am package -DskipTests" >&2; exit 1; }
CC=${CC:-clang-19}; REPS=${REPS:-10}
native="$here/target/native"; mkdir -p "$native"
[ $# -gt 0 ] || set -- -f 1 -wi 3 -i 5
programs=$(grep -v '^#' "$here/src/main/resources/workloads/sizes.properties" | cut -d= -f1)

for p in $programs; do
  "$CC" -O2 -Wall -Dmain=bench_main -c -o "$native/$p.o" "$here/c/yardstick/$p.c"
  "$CC" -O2 -Wall -o "$native/$p" "$native/$p.o" "$here/c/native-harness.c" -lm
done
declare -A nat
for p in $programs; do
  size=$(sed -n "s/^$p=//p" "$here/src/main/resources/workloads/sizes.properties")
  line=$("$native/$p" "$size" "$REPS" 2 2>&1 >/dev/null)
  nat[$p]=$(sed -n 's/.*mean_ms=\([0-9.]*\).*/\1/p' <<<"$line")
  echo "native $p $size: ${nat[$p]} ms" >&2
done

csv="$here/target/jmh-yardstick.csv"
[ -n "${REUSE_CSV:-}" ] || java -jar "$jar" YardstickBenchmark "$@" -rf csv -rff "$csv" >&2
# CSV columns: "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit","Param: program","Param: tier"
declare -A jmh
while IFS=, read -r _ _ _ _ score err _ prog tier; do
  jmh[$prog.$tier]="$score ± $err"
done < <(tail -n +2 "$csv" | tr -d "\r\"")

ratio() { awk -v a="${1%% *}" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print "-"; else printf "%.2f", a / b }'; }
ms() { awk -v s="$1" 'BEGIN { split(s, x, " ± "); if (s == "") print "-"; else printf "%.1f ± %.1f", x[1], x[2] }'; }
echo "| program | size | native ms | JIT ms | JIT / native | interpreter ms | interpreter / native |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for p in $programs; do
  size=$(sed -n "s/^$p=//p" "$here/src/main/resources/workloads/sizes.properties")
  j=${jmh[$p.JIT]:-}; i=${jmh[$p.INTERP]:-}
  echo "| $p | $size | ${nat[$p]} | $(ms "$j") | $(ratio "$j" "${nat[$p]}") | $(ms "$i") | $(ratio "$i" "${nat[$p]}") |"
done
awk -v list="$(for p in $programs; do j=${jmh[$p.JIT]:-}; [ -n "$j" ] && echo "${j%% *} ${nat[$p]}"; done | tr '\n' ';')" \
  'BEGIN { n = split(list, rows, ";"); s = 0; c = 0
           for (k = 1; k <= n; k++) if (split(rows[k], v, " ") == 2) { s += log(v[1] / v[2]); c++ }
           if (c) printf "\nJIT / native, geometric mean: %.2f\n", exp(s / c) }'
