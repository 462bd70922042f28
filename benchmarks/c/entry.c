/* entry.c - turns a yardstick program into a callable workload for steady-state timing.
 * The program is compiled with -Dmain=bench_main, so its main becomes an ordinary function; run(size)
 * calls it with argv = {name, size}. Built as a WASI reactor, one instance can run it any number of
 * times (every program frees what it allocates), so the JIT-compiled code is measured warm rather than
 * the instantiation and compilation of a fresh instance per run. */
#include <stdio.h>

int bench_main(int argc, char **argv);

__attribute__((export_name("run"))) int run(int size) {
  char arg[16];
  snprintf(arg, sizeof arg, "%d", size);
  char *argv[] = {"bench", arg, 0};
  return bench_main(2, argv);
}
