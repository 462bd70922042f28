// Attempts to modify a read-only mount; every attempt must fail and the file must stay readable.
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int modified = 0;

static void report(const char *what, int rc) {
    if (rc == 0) {
        printf("ALLOWED %s\n", what);
        modified++;
    } else {
        printf("refused %s: %s\n", what, strerror(errno));
    }
}

int main(void) {
    report("create", open("/ro/new", O_CREAT | O_WRONLY, 0644) >= 0 ? 0 : -1);
    report("truncate", open("/ro/file.txt", O_WRONLY | O_TRUNC) >= 0 ? 0 : -1);
    int fd = open("/ro/file.txt", O_WRONLY);
    report("write", fd >= 0 && write(fd, "x", 1) == 1 ? 0 : -1);
    report("mkdir", mkdir("/ro/d", 0755));
    report("unlink", unlink("/ro/file.txt"));
    report("rename", rename("/ro/file.txt", "/ro/other.txt"));
    report("symlink", symlink("file.txt", "/ro/link"));
    char buf[32] = {0};
    fd = open("/ro/file.txt", O_RDONLY);
    int n = fd >= 0 ? (int) read(fd, buf, sizeof buf - 1) : -1;
    printf("read %d bytes: %s\n", n, buf);
    printf("modified=%d\n", modified);
    return modified;
}
