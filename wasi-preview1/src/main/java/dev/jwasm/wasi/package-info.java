/**
 * WASI {@code wasi_snapshot_preview1} for jwasm, capability-scoped: a guest sees only what its
 * {@link dev.jwasm.wasi.WasiConfig} grants. Entry point: {@link dev.jwasm.wasi.Wasi}.
 *
 * <h2>Sandbox rules</h2>
 * <ul>
 *   <li>Files: only below preopened directories, resolved component by component by
 *       {@link dev.jwasm.wasi.fs.PathResolver}. Absolute paths, {@code ..} above the directory descriptor and
 *       symlinks leading outside (absolute targets or climbing relative ones, also via chains) fail with
 *       ENOTCAPABLE; more than 32 symlink expansions (loops) with ELOOP. Symlinks that stay inside are
 *       followed unless {@code lookupflags} / {@code O_NOFOLLOW} say otherwise ({@code path_open} on a
 *       symlink without {@code symlink_follow} is ELOOP). {@code path_symlink} refuses absolute targets
 *       (ENOTCAPABLE).</li>
 *   <li>Network: only the preopened TCP listeners and the connections accepted from them.</li>
 *   <li>Environment and arguments: only those configured ({@link dev.jwasm.wasi.WasiConfig.Builder#inheritEnv()}
 *       is explicit).</li>
 *   <li>{@code proc_exit} throws {@link dev.jwasm.wasi.WasiExitException}; nothing ever calls
 *       {@link System#exit}. {@code proc_raise} is ENOTSUP.</li>
 *   <li>Every guest pointer and length is bounds-checked first: a bad one is EFAULT.</li>
 * </ul>
 *
 * <h2>Read-only preopens: which errno</h2>
 * <ul>
 *   <li>Path-based changes ({@code path_create_directory}, {@code path_unlink_file},
 *       {@code path_remove_directory}, {@code path_rename}, {@code path_symlink}, {@code path_link},
 *       {@code path_filestat_set_times}) and {@code path_open} with {@code O_CREAT}, {@code O_TRUNC} or
 *       {@code FDFLAGS_APPEND}: EROFS, checked before anything else.</li>
 *   <li>{@code fd_filestat_set_size}, {@code fd_filestat_set_times}, and setting APPEND with
 *       {@code fd_fdstat_set_flags} on a descriptor from a read-only mount: EROFS.</li>
 *   <li>{@code fd_write}, {@code fd_pwrite}, {@code fd_allocate}: ENOTCAPABLE, since such descriptors never
 *       hold write rights (requested write rights are dropped at {@code path_open}, not refused, because
 *       toolchains ask for every right even to read). {@code fd_fdstat_get} shows the narrowed rights.</li>
 * </ul>
 *
 * <h2>Rights</h2>
 * Every descriptor carries base and inheriting rights; an operation whose right is missing fails with
 * ENOTCAPABLE before any type check. Stdio has no seek/tell rights (so wasi-libc's {@code isatty} works when
 * stdio is reported as a character device); {@code fd_fdstat_set_rights} can only drop rights.
 */
package dev.jwasm.wasi;
