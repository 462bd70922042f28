package dev.jwasm.wasi.abi;

/** Sizes and field offsets of the witx records as laid out in wasm32 linear memory. */
public final class Layout {
    /** {@code iovec} / {@code ciovec}: buf u32 @0, buf_len u32 @4. */
    public static final int IOVEC_SIZE = 8;

    /** {@code dirent}: d_next u64 @0, d_ino u64 @8, d_namlen u32 @16, d_type u8 @20; name follows. */
    public static final int DIRENT_SIZE = 24;
    public static final int DIRENT_NEXT = 0;
    public static final int DIRENT_INO = 8;
    public static final int DIRENT_NAMLEN = 16;
    public static final int DIRENT_TYPE = 20;

    /** {@code fdstat}: filetype u8 @0, flags u16 @2, rights_base u64 @8, rights_inheriting u64 @16. */
    public static final int FDSTAT_SIZE = 24;
    public static final int FDSTAT_FILETYPE = 0;
    public static final int FDSTAT_FLAGS = 2;
    public static final int FDSTAT_RIGHTS_BASE = 8;
    public static final int FDSTAT_RIGHTS_INHERITING = 16;

    /** {@code filestat}: dev @0, ino @8, filetype u8 @16, nlink @24, size @32, atim @40, mtim @48, ctim @56. */
    public static final int FILESTAT_SIZE = 64;
    public static final int FILESTAT_DEV = 0;
    public static final int FILESTAT_INO = 8;
    public static final int FILESTAT_FILETYPE = 16;
    public static final int FILESTAT_NLINK = 24;
    public static final int FILESTAT_SIZE_FIELD = 32;
    public static final int FILESTAT_ATIM = 40;
    public static final int FILESTAT_MTIM = 48;
    public static final int FILESTAT_CTIM = 56;

    /** {@code prestat}: tag u8 @0, pr_name_len u32 @4. */
    public static final int PRESTAT_SIZE = 8;
    public static final int PRESTAT_TAG = 0;
    public static final int PRESTAT_NAME_LEN = 4;

    /**
     * {@code subscription}: userdata u64 @0, tag u8 @8, then the union at @16: clock (id u32 @16, timeout u64
     * @24, precision u64 @32, flags u16 @40) or fd_readwrite (fd u32 @16).
     */
    public static final int SUBSCRIPTION_SIZE = 48;
    public static final int SUB_USERDATA = 0;
    public static final int SUB_TAG = 8;
    public static final int SUB_CLOCK_ID = 16;
    public static final int SUB_CLOCK_TIMEOUT = 24;
    public static final int SUB_CLOCK_PRECISION = 32;
    public static final int SUB_CLOCK_FLAGS = 40;
    public static final int SUB_FD = 16;

    /** {@code event}: userdata u64 @0, error u16 @8, type u8 @10, fd_readwrite (nbytes u64 @16, flags u16 @24). */
    public static final int EVENT_SIZE = 32;
    public static final int EVENT_USERDATA = 0;
    public static final int EVENT_ERROR = 8;
    public static final int EVENT_TYPE = 10;
    public static final int EVENT_NBYTES = 16;
    public static final int EVENT_FLAGS = 24;

    private Layout() {
    }
}
