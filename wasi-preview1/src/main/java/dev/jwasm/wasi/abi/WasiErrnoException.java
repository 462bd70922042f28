package dev.jwasm.wasi.abi;

/**
 * Internal control flow: a WASI call failed with {@link #errno()}. Thrown deep inside an implementation and
 * turned into the function's errno result at the host-function boundary; never reaches the guest or the
 * embedder. Carries no stack trace because it is expected, not exceptional.
 */
public final class WasiErrnoException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int errno;

    public WasiErrnoException(int errno) {
        super(Errno.name(errno), null, false, false);
        this.errno = errno;
    }

    public int errno() {
        return errno;
    }
}
