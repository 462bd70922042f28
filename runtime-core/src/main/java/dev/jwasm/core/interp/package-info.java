/**
 * Tier 0: the interpreter. {@link dev.jwasm.core.interp.Lowerer} turns a function body into {@code int[]}
 * code ({@link dev.jwasm.core.interp.Op}: branch targets resolved, stack heights static, a peephole pass
 * forming superinstructions), and {@link dev.jwasm.core.interp.Interpreter} runs it with one
 * switch-in-a-loop over a shared {@code long[]}/{@code Object[]} value stack.
 *
 * <h2>Why the dispatch loop is written the way it is</h2>
 *
 * <p>On runs of a few seconds the interpreter's speed is decided less by the code C2 makes of the dispatch
 * loop than by when that code arrives and whether it stays: C2 needs ~0.3 s of CPU (seconds of wall time on
 * a loaded machine) to compile the loop, and until then the guest runs in C1's profiling code, several times
 * slower. Hence:
 * <ul>
 *   <li>No profile-dependent branches in the cases. A branch's profile is shared by every wasm instruction of
 *       its kind; a side the program's first phase never took is compiled as an uncommon trap, and the first
 *       later use throws the compiled loop away (sieve recompiled 3-5 times). Comparisons, select and
 *       conditional branches compute their result arithmetically ({@code Cmp}). The loop header's rare path
 *       (every 256th back-edge) is still an if: when C2 compiles before any function looped 256 times
 *       (sha256), its first use throws the compile away once. The tier-up threshold test beside it is
 *       arithmetic for the same reason.</li>
 *   <li>Every class the loop calls is initialised before it is compiled (an unloaded class compiles to a
 *       trap as well).</li>
 *   <li>A small loop: rarely hot instructions live in {@code ColdNumeric}, {@code ConversionDispatch} and
 *       {@code Support}. C2's compile time grows faster than the loop's size; it must stay under 8000
 *       bytes of bytecode or HotSpot would not compile it at all.</li>
 * </ul>
 *
 * <h2>Log of measured changes</h2>
 *
 * <p>Measured with {@code ../shared/bench/compare.sh} (fib 30, matmul 120, sieve 4000000, sha256 3, nbody
 * 1500, {@code --tier interp}) and per-thread CPU time, on a 2-core machine shared with other builds (load
 * 2-14), so wall times are noisy; CPU times are the reliable signal.
 * <ul>
 *   <li>Branch-free comparisons, class initialisation, OSR offset as a LOOP immediate: user CPU before and
 *       after, interleaved runs: matmul 1.3-1.65 to 1.2-1.5 s, sieve 4.0-4.4 to 2.7-2.8 s, sha256 3.3-4.1 to
 *       2.8-3.2 s, nbody 5.4-6.5 to 5.1-7.4 s (noise), fib unchanged; C2's CPU on sieve ~1.5 to ~0.6 s, on
 *       nbody ~1.3 to 0.4-0.8 s. compare.sh in one load window (~8): geometric mean against Chicory's
 *       interpreter 1.69x before, 2.10x after.</li>
 *   <li>i64/f64 comparisons moved to {@code ColdNumeric}: loop 6808 to 6315 bytes, full C2 compile ~320 to
 *       ~275 ms CPU.</li>
 *   <li>Tried and dropped: fusing a local operand into compare-and-branch ({@code local.get; cmp; br_if},
 *       both operands locals) and local-then-constant i32 operations (rotl, shifts, and, xor: sha256's
 *       sigma functions). 6-10% fewer dispatches, but the loop grew to 7600 bytes and C2 took ~15% longer,
 *       which cost as much as the dispatches saved on these run lengths.</li>
 *   <li>Tried and dropped: fewer values live across the loop (refs array reloaded from the context) and
 *       not inlining memory accessors or numeric helpers: no change in C2 compile time.</li>
 *   <li>Loop header: {@code count == LOOP_THRESHOLD} as {@code Cmp.eq}. As a branch it was an uncommon trap
 *       until a function's 20000th back-edge, which threw the first compiled loop away in sha256 and nbody
 *       (seen with {@code -XX:+LogCompilation}). User+sys CPU, medians of 7 interleaved runs: sha256 2.65 to
 *       2.26 s, nbody 2.48 to 2.33 s.</li>
 * </ul>
 */
package dev.jwasm.core.interp;
