// Clocks, randomness and poll timeouts.
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static long long ns(struct timespec t) {
    return t.tv_sec * 1000000000LL + t.tv_nsec;
}

int main(void) {
    struct timespec real, mono1, mono2, cpu;
    clock_gettime(CLOCK_REALTIME, &real);
    clock_gettime(CLOCK_MONOTONIC, &mono1);
    printf("realtime after 2020: %s\n", real.tv_sec > 1577836800 ? "yes" : "no");
    struct timespec nap = {0, 20 * 1000000};
    nanosleep(&nap, NULL);
    clock_gettime(CLOCK_MONOTONIC, &mono2);
    printf("nanosleep waited 20ms: %s\n", ns(mono2) - ns(mono1) >= 20000000 ? "yes" : "no");
    printf("process cputime works: %s\n", clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu) == 0 ? "yes" : "no");

    unsigned char a[32], b[32];
    getentropy(a, sizeof a);
    getentropy(b, sizeof b);
    printf("random differs: %s\n", memcmp(a, b, sizeof a) != 0 ? "yes" : "no");

    struct pollfd p = {.fd = 0, .events = POLLIN};
    clock_gettime(CLOCK_MONOTONIC, &mono1);
    int ready = poll(&p, 1, 30);
    clock_gettime(CLOCK_MONOTONIC, &mono2);
    printf("poll on idle stdin: ready=%d waited 30ms: %s\n", ready, ns(mono2) - ns(mono1) >= 30000000 ? "yes" : "no");
    return 0;
}
