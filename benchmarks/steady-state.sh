#!/bin/bash
# steady-state.sh [JMH_OPTIONS...]
# Steady-state time per call of the nine yardstick workloads: native (the same C built with clang-19 -O2,
# called REPS times in one process by c/native-harness.c) against jwasm's tiers under JMH, as a markdown
# table of wall and CPU milliseconds per call and the tiers' ratios to native in CPU time (the figure that
# stays meaningful when other work shares the machine). Run from the project root after
#   mvn -q -Pbench -pl benchmarks -am package -DskipTests
# JMH options default to "-f 1 -wi 3 -i 5" (the benchmarks' own iteration times: 2 s).
# Environment: TIERS (default "JIT"; "JIT INTERP" adds the interpreter, about 10 minutes more), REPS
# (native timed calls, default 10), CC (default clang-19), REUSE_CSV=1 (tabulate the last JMH results,
# target/jmh-yardstick.csv.all, with fresh native times instead of running JMH again), LIBC (default
# glibc, the system's; "musl" links the native builds statically against Debian's musl-dev, the C library
# family the wasm builds' wasi-libc comes from, to tell library code from generated code: see README.md).
# LAUNCHER_FLAGS=1 gives JMH's forked JVM, besides the launcher's collector (which it always gets), the one
# flag of the jwasm launcher that changes compiled code rather than when it is compiled: -XX:-UseFPUForSpilling.
# Without it the figures are those of an application embedding jwasm with the JVM's defaults. ROUNDS (default
# 1) repeats the whole measurement and tabulates medians (see below); PROGRAMS limits it to some programs.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jar="$here/target/benchmarks.jar"
[ -f "$jar" ] || { echo "build first: mvn -q -Pbench -pl benchmarks -am package -DskipTests" >&2; exit 1; }
CC=${CC:-clang-19}; REPS=${REPS:-10}; LIBC=${LIBC:-glibc}
native="$here/target/native"; [ "$LIBC" = glibc ] || native="$native-$LIBC"; mkdir -p "$native"
[ $# -gt 0 ] || set -- -f 1 -wi 3 -i 5
fork_args=()
[ -z "${LAUNCHER_FLAGS:-}" ] || fork_args=(-jvmArgsAppend "-XX:+UseSerialGC -XX:-UseFPUForSpilling")
programs=${PROGRAMS:-$(grep -v '^#' "$here/src/main/resources/workloads/sizes.properties" | cut -d= -f1)}

case $LIBC in
  glibc) cflags=() ;;
  musl)
    musl=/usr/lib/x86_64-linux-musl
    [ -f "$musl/libc.a" ] || { echo "LIBC=musl needs Debian's musl-dev (apt-get install musl-dev)" >&2; exit 1; }
    cflags=(-nostdinc -isystem "$("$CC" -print-resource-dir)/include" -isystem /usr/include/x86_64-linux-musl)
    libgcc=$("$CC" -print-libgcc-file-name) ;;
  *) echo "LIBC is glibc or musl, not $LIBC" >&2; exit 1 ;;
esac
"$CC" -O2 -Wall "${cflags[@]}" -c -o "$native/harness.o" "$here/c/native-harness.c"
for p in $programs; do
  "$CC" -O2 -Wall "${cflags[@]}" -Dmain=bench_main -c -o "$native/$p.o" "$here/c/yardstick/$p.c"
  if [ "$LIBC" = musl ]; then
    "$CC" -static -nostdlib -o "$native/$p" "$musl/crt1.o" "$musl/crti.o" "$native/$p.o" "$native/harness.o" \
      -L"$musl" -lc "$musl/crtn.o" "$libgcc"
  else
    "$CC" -o "$native/$p" "$native/$p.o" "$native/harness.o" -lm
  fi
done
# Native and JMH runs alternate program by program (native, JMH, native; the faster native mean counts),
# so that both see about the same load on a shared machine. With ROUNDS=R (default 1) that whole sequence
# runs R times, and the table takes, for each program and each side, the median over the rounds: a burst of
# load from other work, which only ever adds time, then moves a figure only if it hits most rounds. Each
# round's own geometric mean is printed under the table.
declare -A natcpu nat jmh jcpu
rounds=${ROUNDS:-1}
csv="$here/target/jmh-yardstick.csv"
[ -n "${REUSE_CSV:-}" ] || : > "$csv.all"
for r in $(seq "$rounds"); do
  for p in $programs; do
    size=$(sed -n "s/^$p=//p" "$here/src/main/resources/workloads/sizes.properties")
    a=$("$native/$p" "$size" "$REPS" 2 2>&1 >/dev/null)
    if [ -z "${REUSE_CSV:-}" ]; then
      java -jar "$jar" YardstickBenchmark "$@" "${fork_args[@]}" -p program="$p" -p tier="$(tr ' ' , <<<"${TIERS:-JIT}")" \
        -rf csv -rff "$csv" >&2
      tail -n +2 "$csv" | sed "s/^/$r,/" >> "$csv.all"
    fi
    b=$("$native/$p" "$size" "$REPS" 2 2>&1 >/dev/null)
    echo "$a"$'\n'"$b" >&2
    nat[$p.$r]=$(printf '%s\n%s\n' "$a" "$b" | sed -n 's/.*mean_ms=\([0-9.]*\).*/\1/p' | sort -n | head -1)
    natcpu[$p.$r]=$(printf '%s\n%s\n' "$a" "$b" | sed -n 's/.*cpu_ms=\([0-9.]*\).*/\1/p' | sort -n | head -1)
  done
done
# CSV columns, after the round this script prepends: "Benchmark","Mode","Threads","Samples","Score",
# "Score Error (99.9%)","Unit","Param: program","Param: tier"; runOnce is the wall time per call, runOnce:cpuMs
# and runOnce:calls the thread's CPU time and calls per iteration.
while IFS=, read -r r bench _ _ _ score err _ prog tier; do
  case $bench in
    *runOnce) jmh[$prog.$tier.$r]="$score ± $err" ;;
    *:cpuMs) jmh[$prog.$tier.$r.cpu]=$score ;;
    *:calls) jmh[$prog.$tier.$r.calls]=$score ;;
  esac
done < <(tr -d '\r"' < "$csv.all")
for key in "${!jmh[@]}"; do
  case $key in
    *.cpu) jcpu[${key%.cpu}]=$(awk -v c="${jmh[$key]}" -v n="${jmh[${key%.cpu}.calls]:-}" \
      'BEGIN { if (n != "" && n != 0) printf "%.1f", c / n }') ;;
  esac
done

# median VALUES...: the median of the non-empty arguments, or nothing
median() { printf '%s\n' "$@" | { grep . || true; } | sort -g | awk '{ v[NR] = $1 } END { if (NR) print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
# per_round P FIELD [TIER]: the values of FIELD (natcpu, nat or cpu) for program P (and TIER), one per round
per_round() { local r out=(); for r in $(seq "$rounds"); do case $2 in
  natcpu) out+=("${natcpu[$1.$r]:-}") ;; nat) out+=("${nat[$1.$r]:-}") ;; cpu) out+=("${jcpu[$1.$3.$r]:-}") ;;
  esac; done; printf '%s\n' "${out[@]}"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print "-"; else printf "%.2f", a / b }'; }
ms() { awk -v s="$1" 'BEGIN { split(s, x, " ± "); if (s == "") print "-"; else printf "%.1f ± %.1f", x[1], x[2] }'; }
# geomean "A B;A B;...": the geometric mean of A / B over the pairs, or nothing
geomean() { awk -v list="$1" 'BEGIN { n = split(list, r, ";"); s = 0; c = 0
  for (k = 1; k <= n; k++) if (split(r[k], v, " ") == 2) { s += log(v[1] / v[2]); c++ }
  if (c) printf "%.2f over %d programs", exp(s / c), c }'; }
[ "$rounds" = 1 ] || echo "Medians over $rounds rounds (JIT ms: the median round's JMH score)."
echo "| program | size | native ms | native CPU ms | JIT ms | JIT CPU ms | JIT / native (CPU) | interpreter CPU ms | interpreter / native (CPU) |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
rows=""
for p in $programs; do
  size=$(sed -n "s/^$p=//p" "$here/src/main/resources/workloads/sizes.properties")
  nc=$(median $(per_round "$p" natcpu)); nw=$(median $(per_round "$p" nat))
  jc=$(median $(per_round "$p" cpu JIT)); ic=$(median $(per_round "$p" cpu INTERP))
  wall=""
  for r in $(seq "$rounds"); do if [ "${jcpu[$p.JIT.$r]:-}" = "$jc" ]; then wall=${jmh[$p.JIT.$r]:-}; fi; done
  echo "| $p | $size | $nw | $nc | $(ms "$wall") | ${jc:--} | $(ratio "$jc" "$nc") | ${ic:--} | $(ratio "$ic" "$nc") |"
  if [ -n "$jc" ]; then rows="$rows$jc $nc;"; fi
done
mean=$(geomean "$rows")
[ -z "$mean" ] || printf '\nJIT / native CPU time per call, geometric mean: %s\n' "$mean"
if [ "$rounds" != 1 ]; then
  for r in $(seq "$rounds"); do
    rows=""
    for p in $programs; do if [ -n "${jcpu[$p.JIT.$r]:-}" ]; then rows="$rows${jcpu[$p.JIT.$r]} ${natcpu[$p.$r]};"; fi; done
    echo "round $r: $(geomean "$rows")"
  done
fi
