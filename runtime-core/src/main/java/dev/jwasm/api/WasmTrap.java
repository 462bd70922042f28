package dev.jwasm.api;

import java.util.List;

/**
 * Execution of WebAssembly code trapped. The message starts with {@link TrapKind#message()}; the
 * {@linkplain #wasmBacktrace() wasm backtrace} lists the guest functions active at the trap, innermost
 * first, named from the module's name section where it has one.
 *
 * <p>A trap leaves the instance usable: the embedder may call other exports afterwards.
 */
public class WasmTrap extends WasmException {
    private static final long serialVersionUID = 1L;
    private final TrapKind kind;
    private volatile List<String> wasmBacktrace = List.of();

    public WasmTrap(TrapKind kind) {
        this(kind, kind.message());
    }

    public WasmTrap(TrapKind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public WasmTrap(TrapKind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public TrapKind kind() {
        return kind;
    }

    /** Guest frames at the trap, innermost first, for example {@code "fib"} or {@code "func[12]"}. */
    public List<String> wasmBacktrace() {
        return wasmBacktrace;
    }

    /** Records the guest frames; called by the runtime as the trap unwinds. */
    public void setWasmBacktrace(List<String> frames) {
        this.wasmBacktrace = List.copyOf(frames);
    }

    /** Message plus the wasm backtrace, one frame per line, as the CLI prints it. */
    public String describe() {
        StringBuilder sb = new StringBuilder(getMessage());
        if (!wasmBacktrace.isEmpty()) {
            sb.append("\nwasm backtrace:");
            int i = 0;
            for (String frame : wasmBacktrace) {
                sb.append("\n  ").append(i++).append(": ").append(frame);
            }
        }
        return sb.toString();
    }
}
