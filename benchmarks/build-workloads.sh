#!/bin/sh
# Rebuilds the committed C workloads: c/yardstick/NAME.c (copies of ../shared/bench/src) plus c/entry.c
# into src/main/resources/workloads/NAME.wasm, as WASI reactors exporting run(size).
# The recipe is ../shared/bench/TOOLCHAIN.md's (Debian packages clang-19 lld-19 wasi-libc
# libclang-rt-19-dev-wasm32) with two additions: -mexec-model=reactor (no _start; _initialize runs the
# constructors once) and -Dmain=bench_main (main becomes a function entry.c calls).
set -eu
cd "$(dirname "$0")"
CC=${CC:-clang-19}
out=src/main/resources/workloads
mkdir -p "$out"
for src in c/yardstick/*.c; do
  name=$(basename "$src" .c)
  $CC --target=wasm32-wasi -mexec-model=reactor -O2 -Wall -Wl,--strip-debug -Dmain=bench_main \
      -o "$out/$name.wasm" "$src" c/entry.c -lm
done
