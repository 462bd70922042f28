package dev.jwasm.wasi.abi;

/** The small flag sets and enums of wasi_snapshot_preview1, grouped by witx type. */
public final class Flags {
    // fdflags (u16)
    public static final int FDFLAGS_APPEND = 1;
    public static final int FDFLAGS_DSYNC = 2;
    public static final int FDFLAGS_NONBLOCK = 4;
    public static final int FDFLAGS_RSYNC = 8;
    public static final int FDFLAGS_SYNC = 16;
    public static final int FDFLAGS_ALL = 31;

    // oflags (u16)
    public static final int OFLAGS_CREAT = 1;
    public static final int OFLAGS_DIRECTORY = 2;
    public static final int OFLAGS_EXCL = 4;
    public static final int OFLAGS_TRUNC = 8;
    public static final int OFLAGS_ALL = 15;

    // lookupflags (u32)
    public static final int LOOKUP_SYMLINK_FOLLOW = 1;

    // fstflags (u16)
    public static final int FST_ATIM = 1;
    public static final int FST_ATIM_NOW = 2;
    public static final int FST_MTIM = 4;
    public static final int FST_MTIM_NOW = 8;

    // whence (u8)
    public static final int WHENCE_SET = 0;
    public static final int WHENCE_CUR = 1;
    public static final int WHENCE_END = 2;

    // clockid (u32)
    public static final int CLOCK_REALTIME = 0;
    public static final int CLOCK_MONOTONIC = 1;
    public static final int CLOCK_PROCESS_CPUTIME = 2;
    public static final int CLOCK_THREAD_CPUTIME = 3;

    // eventtype (u8)
    public static final int EVENT_CLOCK = 0;
    public static final int EVENT_FD_READ = 1;
    public static final int EVENT_FD_WRITE = 2;

    // eventrwflags (u16)
    public static final int EVENT_FD_READWRITE_HANGUP = 1;

    // subclockflags (u16)
    public static final int SUBSCRIPTION_CLOCK_ABSTIME = 1;

    // riflags / roflags (u16)
    public static final int RECV_PEEK = 1;
    public static final int RECV_WAITALL = 2;
    public static final int RECV_DATA_TRUNCATED = 1;

    // sdflags (u8)
    public static final int SHUT_RD = 1;
    public static final int SHUT_WR = 2;

    // advice (u8): normal .. noreuse
    public static final int ADVICE_MAX = 5;

    // preopentype (u8)
    public static final int PREOPENTYPE_DIR = 0;

    private Flags() {
    }
}
