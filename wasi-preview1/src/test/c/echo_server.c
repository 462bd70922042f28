// Accepts connections on the preopened listener (fd 3) and echoes each one until the peer closes.
// The number of connections to serve is the first argument (default 1).
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <wasi/api.h>

int main(int argc, char **argv) {
    int connections = argc > 1 ? atoi(argv[1]) : 1;
    for (int i = 0; i < connections; i++) {
        __wasi_fd_t conn;
        __wasi_errno_t err = __wasi_sock_accept(3, 0, &conn);
        if (err != 0) {
            fprintf(stderr, "accept failed: %d\n", err);
            return 1;
        }
        char buf[256];
        ssize_t n;
        while ((n = read(conn, buf, sizeof buf)) > 0) {
            if (write(conn, buf, n) != n) {
                return 2;
            }
        }
        (void) __wasi_sock_shutdown(conn, __WASI_SDFLAGS_WR);
        close(conn);
        printf("served connection %d\n", i + 1);
        fflush(stdout);
    }
    return 0;
}
