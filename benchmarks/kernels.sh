#!/bin/bash
# kernels.sh [JMH_OPTIONS...]
# Runs KernelBenchmark (kernels.wat on both tiers) and prints wall and CPU milliseconds per call as a
# markdown table. JMH options default to "-f 1 -wi 3 -i 5". Run from the project root after
#   mvn -q -Pbench -pl benchmarks -am package -DskipTests
# REUSE_CSV=1 tabulates the last run (target/jmh-kernels.csv) again.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
csv="$here/target/jmh-kernels.csv"
[ $# -gt 0 ] || set -- -f 1 -wi 3 -i 5
[ -n "${REUSE_CSV:-}" ] || java -jar "$here/target/benchmarks.jar" KernelBenchmark "$@" -rf csv -rff "$csv" >&2
tr -d '\r"' < "$csv" | awk -F, '
  NR > 1 { k = $8 "." $9; if ($1 ~ /:cpuMs$/) c[k] = $5; else if ($1 ~ /:calls$/) n[k] = $5; else w[k] = $5 }
  function cpu(k) { return n[k] ? sprintf("%.1f", c[k] / n[k]) : "-" }
  function wall(k) { return (k in w) ? sprintf("%.1f", w[k]) : "-" }
  END {
    print "| kernel | JIT ms | JIT CPU ms | interpreter ms | interpreter CPU ms |"
    print "|---|---:|---:|---:|---:|"
    split("i32_loop f64_dot mem_copy bulk_copy fib_rec call_indirect", order, " ")
    for (i = 1; i <= 6; i++) {
      x = order[i]
      printf "| %s | %s | %s | %s | %s |\n", x, wall(x ".JIT"), cpu(x ".JIT"), wall(x ".INTERP"), cpu(x ".INTERP")
    }
  }'
