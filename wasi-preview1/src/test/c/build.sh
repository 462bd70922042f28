#!/bin/sh
# Rebuilds the C test programs into ../resources/wasi/*.wasm.
# Toolchain (Debian bookworm): apt-get install clang-19 lld-19 wasi-libc libclang-rt-19-dev-wasm32
set -eu
cd "$(dirname "$0")"
out=../resources/wasi
mkdir -p "$out"
for src in *.c; do
    clang-19 --target=wasm32-wasi -O2 -Wall -Wl,--strip-debug -o "$out/${src%.c}.wasm" "$src"
done
ls -l "$out"
