// Echoes stdin to stdout upper-cased, reports args and one env var, writes a line to stderr.
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    printf("argc=%d\n", argc);
    for (int i = 0; i < argc; i++) {
        printf("argv[%d]=%s\n", i, argv[i]);
    }
    const char *greeting = getenv("GREETING");
    printf("GREETING=%s\n", greeting ? greeting : "(unset)");
    printf("HOME=%s\n", getenv("HOME") ? getenv("HOME") : "(unset)");
    int c;
    while ((c = getchar()) != EOF) {
        putchar(toupper(c));
    }
    fprintf(stderr, "to stderr\n");
    return 0;
}
