package dev.jwasm.wasi;

import dev.jwasm.api.HostFunction;
import dev.jwasm.core.model.FuncType;

/** One {@code wasi_snapshot_preview1} import: its name, core wasm type and implementation. */
public record WasiFunction(String name, FuncType type, HostFunction impl) {
}
