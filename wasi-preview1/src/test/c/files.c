// Exercises files and directories under the preopen /data; prints one line per check.
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int failures = 0;

static void check(const char *what, int ok) {
    printf("%s %s\n", ok ? "ok" : "FAIL", what);
    if (!ok) {
        failures++;
    }
}

int main(void) {
    FILE *f = fopen("/data/notes.txt", "w");
    check("fopen for writing", f != NULL);
    fputs("line one\nline two\n", f);
    fclose(f);

    char buf[64] = {0};
    f = fopen("/data/notes.txt", "r");
    check("read back", f && fgets(buf, sizeof buf, f) && strcmp(buf, "line one\n") == 0);
    fseek(f, 5, SEEK_SET);
    check("seek", fgets(buf, sizeof buf, f) && strcmp(buf, "one\n") == 0);
    fclose(f);

    struct stat st;
    check("stat size", stat("/data/notes.txt", &st) == 0 && st.st_size == 18 && S_ISREG(st.st_mode));
    check("append", (f = fopen("/data/notes.txt", "a")) && fputs("three\n", f) >= 0 && fclose(f) == 0
            && stat("/data/notes.txt", &st) == 0 && st.st_size == 24);
    int fd = open("/data/notes.txt", O_RDWR);
    check("ftruncate", fd >= 0 && ftruncate(fd, 4) == 0 && fstat(fd, &st) == 0 && st.st_size == 4);
    check("pread", pread(fd, buf, 4, 0) == 4 && memcmp(buf, "line", 4) == 0);
    close(fd);

    check("mkdir", mkdir("/data/dir", 0755) == 0);
    check("mkdir again is EEXIST", mkdir("/data/dir", 0755) == -1 && errno == EEXIST);
    char name[64];
    for (int i = 0; i < 300; i++) {
        snprintf(name, sizeof name, "/data/dir/entry-with-a-longish-name-%03d", i);
        int e = open(name, O_CREAT | O_WRONLY, 0644);
        close(e);
    }
    DIR *d = opendir("/data/dir");
    int count = 0, dots = 0;
    struct dirent *ent;
    while (d && (ent = readdir(d)) != NULL) {
        if (strcmp(ent->d_name, ".") == 0 || strcmp(ent->d_name, "..") == 0) {
            dots++;
        } else {
            count++;
        }
    }
    if (d) closedir(d);
    printf("readdir entries=%d dots=%d\n", count, dots);
    check("readdir sees all 300 entries and . and ..", count == 300 && dots == 2);

    check("rename", rename("/data/notes.txt", "/data/dir/moved.txt") == 0
            && access("/data/dir/moved.txt", F_OK) == 0 && access("/data/notes.txt", F_OK) == -1);
    check("symlink", symlink("moved.txt", "/data/dir/link") == 0);
    ssize_t n = readlink("/data/dir/link", buf, sizeof buf);
    check("readlink", n == 9 && memcmp(buf, "moved.txt", 9) == 0);
    check("open through symlink", (fd = open("/data/dir/link", O_RDONLY)) >= 0 && close(fd) == 0);
    check("unlink", unlink("/data/dir/link") == 0 && unlink("/data/dir/moved.txt") == 0);
    check("rmdir non-empty is ENOTEMPTY", rmdir("/data/dir") == -1 && errno == ENOTEMPTY);
    for (int i = 0; i < 300; i++) {
        snprintf(name, sizeof name, "/data/dir/entry-with-a-longish-name-%03d", i);
        unlink(name);
    }
    check("rmdir", rmdir("/data/dir") == 0);
    check("missing file is ENOENT", open("/data/missing", O_RDONLY) == -1 && errno == ENOENT);
    printf("failures=%d\n", failures);
    return failures == 0 ? 0 : 1;
}
