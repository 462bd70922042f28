/* native-harness.c - native steady-state reference: calls a yardstick program's main (compiled with
 * -Dmain=bench_main) REPS times at SIZE in one process, and prints the mean and the fastest call in
 * milliseconds (wall) and the mean CPU time on stderr after WARMUP untimed calls. The program's own output goes to stdout.
 * usage: PROGRAM SIZE [REPS [WARMUP]] */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int bench_main(int argc, char **argv);

static double now_ms(clockid_t clock) {
  struct timespec t;
  clock_gettime(clock, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

int main(int argc, char **argv) {
  if (argc < 2) { fprintf(stderr, "usage: %s SIZE [REPS [WARMUP]]\n", argv[0]); return 2; }
  int reps = argc > 2 ? atoi(argv[2]) : 10, warmup = argc > 3 ? atoi(argv[3]) : 2;
  char *args[] = {argv[0], argv[1], 0};
  for (int i = 0; i < warmup; i++) bench_main(2, args);
  double total = 0, best = 1e300, cpu = 0;
  for (int i = 0; i < reps; i++) {
    double t0 = now_ms(CLOCK_MONOTONIC), c0 = now_ms(CLOCK_PROCESS_CPUTIME_ID);
    bench_main(2, args);
    double t = now_ms(CLOCK_MONOTONIC) - t0;
    cpu += now_ms(CLOCK_PROCESS_CPUTIME_ID) - c0;
    total += t;
    if (t < best) best = t;
  }
  fflush(stdout);
  fprintf(stderr, "%s %s native mean_ms=%.2f best_ms=%.2f cpu_ms=%.2f reps=%d\n", argv[0], argv[1], total / reps, best,
          cpu / reps, reps);
  return 0;
}
