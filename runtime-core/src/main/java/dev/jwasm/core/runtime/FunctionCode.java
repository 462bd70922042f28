package dev.jwasm.core.runtime;

/**
 * Executable code of a defined wasm function: the <b>tier-up hook</b>. Every call goes through
 * {@link WasmFunction#entry}, so a faster tier replaces a function's code by assigning that field; callers
 * never change. Arguments are in {@code ctx.stack}/{@code ctx.refs} at {@code fp}; results must be left there.
 */
public interface FunctionCode {
    void invoke(ExecContext ctx, WasmFunction fn, int fp);
}
