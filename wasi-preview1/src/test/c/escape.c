// Tries to leave the sandbox every way it can; prints the errno of each attempt.
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int escaped = 0;

static void attempt(const char *path) {
    int fd = open(path, O_RDONLY);
    if (fd >= 0) {
        printf("ESCAPED %s\n", path);
        escaped++;
        close(fd);
    } else {
        printf("refused %s: %s\n", path, strerror(errno));
    }
}

int main(void) {
    attempt("/sandbox/../outside/secret");
    attempt("/etc/passwd");
    attempt("/sandbox/abs/secret");
    attempt("/sandbox/rel/secret");
    attempt("/sandbox/chain/secret");
    attempt("/sandbox/loop");
    attempt("../outside/secret");
    int fd = open("/sandbox/inside", O_RDONLY);
    printf("inside link %s\n", fd >= 0 ? "followed" : strerror(errno));
    printf("escaped=%d\n", escaped);
    return escaped;
}
