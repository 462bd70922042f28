// A non-blocking server: waits with poll() on the preopened listener (fd 3) and on one connection,
// answers each chunk with its length in brackets, and stops when the client closes.
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <wasi/api.h>

int main(void) {
    if (fcntl(3, F_SETFL, O_NONBLOCK) != 0) {
        perror("fcntl");
        return 1;
    }
    __wasi_fd_t conn;
    __wasi_errno_t err = __wasi_sock_accept(3, 0, &conn);
    printf("accept before any client: %s\n", err == __WASI_ERRNO_AGAIN ? "EAGAIN" : "unexpected");
    struct pollfd listener = {.fd = 3, .events = POLLIN};
    if (poll(&listener, 1, 10000) != 1 || !(listener.revents & POLLIN)) {
        printf("no client\n");
        return 2;
    }
    err = __wasi_sock_accept(3, __WASI_FDFLAGS_NONBLOCK, &conn);
    if (err != 0) {
        printf("accept failed: %d\n", err);
        return 3;
    }
    char buf[128];
    printf("read before data: %s\n", read(conn, buf, sizeof buf) == -1 && errno == EAGAIN ? "EAGAIN" : "unexpected");
    fflush(stdout);
    for (;;) {
        struct pollfd p = {.fd = conn, .events = POLLIN};
        if (poll(&p, 1, 10000) != 1) {
            printf("timeout\n");
            return 4;
        }
        ssize_t n = read(conn, buf, sizeof buf);
        if (n == 0) {
            break;
        }
        if (n < 0) {
            if (errno == EAGAIN) {
                continue;
            }
            return 5;
        }
        char reply[32];
        int len = snprintf(reply, sizeof reply, "[%d]", (int) n);
        write(conn, reply, len);
    }
    close(conn);
    printf("client closed\n");
    return 0;
}
