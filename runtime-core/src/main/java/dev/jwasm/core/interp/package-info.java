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
 *   <li>A small loop with few switch keys: rarely hot instructions all go through the switch's one
 *       {@code default} to {@code ColdDispatch} (a second switch, too large to be inlined into the loop),
 *       which uses {@code ColdNumeric}, {@code ConversionDispatch} and {@code Support}. C2's compile time
 *       grows faster than the loop's size, and C1's profiled switch costs per key (below); the loop must
 *       stay under 8000 bytes of bytecode or HotSpot would not compile it at all.</li>
 * </ul>
 *
 * <p>The switch itself is profile-dependent, and that decides most of the remaining variance (seen with
 * {@code -XX:+LogCompilation}, JDK 17): C2 compiles only the switch keys its profile has seen and makes the
 * others one uncommon trap. That trimmed compile is small, quick and fast (nbody: ~25 KB of code, ~0.1 s to
 * compile on an idle core). But the first time a trimmed key is used the loop is recompiled, and from then on
 * for the whole process with every key (the trap is recorded at the switch's bytecode): ~50 KB, 0.3-0.7 s to
 * compile, slower code. Programs with phases hit this: sieve and matmul always (HotSpot compiles the loop on
 * the first hot inner loop, which uses five or six instructions, and the next phase traps), sha256 in about
 * half its runs (when the compile lands before the first 64 KiB chunk's bookkeeping code ran: its bimodal
 * times). Without switch profiling ({@code -XX:-UseSwitchProfiling}) nothing is trimmed and nothing traps,
 * but the loop's code is 2.3x slower on nbody. C1's profiling code for the switch is also why the phase
 * before C2's code arrives is slow: it tests every key on every dispatch (of a {@code tableswitch}, every value
 * of its range: 0x03 to 0x157 before the keys were renumbered, 91 keys now), ~8x slower than C1 without
 * profiling (sieve run at each tier alone). C2 in turn compiles a dense switch into a jump table, one indirect
 * jump for every instruction, which predicts worse than its profile-weighted search tree; the keys are
 * spaced so it does not ({@link dev.jwasm.core.interp.Op}).
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
 *   <li>Launcher: the run that dumps the CDS archive compiles in the foreground. JDK 17 archives a method's
 *       queued-for-compilation flag (JDK-8306460); when that run ended with this loop queued, no later run
 *       compiled it at all. Archive dumped by a first run of matmul 500, then CPU medians of 5 and 3 interleaved
 *       runs, old launcher against this one: matmul 120 2.62 to 1.30 s, sieve 10.63 to 2.69 s.</li>
 *   <li>Tried and dropped (CPU medians of 3-5 interleaved runs against the kept state): conversions other
 *       than wrap, extend and int-to-double moved out of the loop into {@code ColdNumeric} (30 fewer keys, no
 *       inlined {@code ConversionDispatch} whose own switch trapped in matmul): nbody 2.3 to 3.5 s, others
 *       unchanged; cause not found (its trimmed compile grew from 27 to 44 KB).</li>
 *   <li>Tried and dropped: no on-stack replacement ({@code -XX:-UseOnStackReplacement}) with the loop
 *       header returning to {@code execute} every 256th back-edge to re-enter the newest compiled code, to
 *       compile the loop once instead of twice (OSR and normal entry): the normal-entry compile needs
 *       invocation counts, so C2's code came later (nbody: first compile at 1.5 s instead of 0.3 s) or, with
 *       a per-method {@code CompileThresholdScaling} of 0.05-0.2, too early and trapped. Single runs against
 *       ~2.3 s for both: sha256 3.9 s CPU, nbody 3.1 s; scaled: sha256 2.4-3.6 s, nbody 3.6-4.9 s.</li>
 *   <li>Tried and dropped: a per-method {@code CompileThresholdScaling} for {@code Interpreter.run} (0.3 and
 *       3): sha256 2.3 to 2.7 s either way, no fewer switch traps.</li>
 *   <li>Tried and dropped: seeding the switch profile early (a built-in module covering the common
 *       instructions, run through the interpreter every 4096th back-edge of a function for the first 64
 *       times). It removed sieve's premature small compile, but trimming works per key, so every cold key a
 *       program uses must be seeded too, which makes the compile as large as an untrimmed one; parsing the
 *       seed module costs start-up as well: sieve 2.87 to 3.42 s, matmul 1.34 to 2.15, nbody 2.22 to 3.52,
 *       fib 0.43 to 1.02, sha256 3.41 to 2.82.</li>
 *   <li>Tried and dropped: the launcher's x3 compile thresholds under {@code --tier interp} too, with x1
 *       kept for this package, {@code numeric} and {@code runtime} ({@code -XX:CompileCommand=
 *       CompileThresholdScaling,...}): fib 0.46 to 0.32 s CPU (less start-up compiling), matmul 1.34 to 1.21,
 *       but nbody 2.16 to 5.19: the shifted timing put the loop's first compile before nbody's main phase,
 *       which then trapped (see above).</li>
 *   <li>Measured, not adopted (launcher flags, CPU medians of 3-5 interleaved runs): {@code
 *       -XX:-UseSwitchProfiling}: fib 0.38 to 1.11 s, nbody 2.08 to 4.79, matmul 1.22 to 1.16, sieve 2.59 to
 *       2.84, sha256 2.83 to 3.10. {@code -XX:PerMethodTrapLimit=0} (no uncommon traps, so no trimming):
 *       fib 0.45 to 1.16, nbody 2.18 to 5.34, sha256 3.08 to 3.67. {@code -XX:TieredStopAtLevel=1} (C1
 *       only): matmul 1.27 to 0.88, but nbody 2.46 to 7.04 and sha256 2.88 to 3.66.</li>
 *   <li>Tried and dropped (2026-11-25, idle machine, {@code perf stat -e task-clock}, median of 3
 *       interleaved, CPU ms): C2 loop-optimisation flags to shorten its compile of the loop under
 *       {@code --tier interp}. Baseline sieve 2263, matmul 1174, sha256 3025 (bimodal), nbody 2339;
 *       {@code -XX:LoopUnrollLimit=0}: 2581, 1222, 2881, 2453; {@code -XX:-PartialPeelLoop
 *       -XX:-LoopUnswitching}: 2417, 1271, 2879, 2343; {@code -XX:-UseLoopPredicate}: 2411, 1218, 2727,
 *       2381. None faster beyond sha256's noise.</li>
 *   <li>Two-level dispatch (2026-11-25, idle machine): every instruction below ~0.1% of dispatches in all
 *       five programs (opcode counts taken with a temporary counter) moved behind the switch's {@code default}
 *       into {@code ColdDispatch}: references, tables, narrow loads and stores, other memories, memory.size
 *       and grow, i32 division, i64 sub/or/shr_s, f64 abs/neg, conversions, 0xFC, the general br_if and the
 *       fused if-comparisons; it returns the new pc and sp packed in a long. Loop 6304 to 4797 bytes, case labels
 *       212 to 115. {@code perf stat -e task-clock}, medians of 3 interleaved runs, CPU ms, before to
 *       after: fib 479 to 440, matmul 1168 to 876, sieve 2430 to 2045, sha256 3262 to 2277, nbody 2370 to
 *       2134; geometric mean 1600 to 1308 (-18%). Then also the unfused i32 comparisons (the lowerer fuses
 *       most into branches), br with values, i32.rotr and i64 and/xor with a constant: loop 4309 bytes;
 *       medians of 8 interleaved runs against the first step: fib 445 to 443, matmul 849 to 810, sieve 2091
 *       to 2053, sha256 2199 to 2005, nbody 2278 to 2285; geometric mean -5% (1361 to 1290). Both steps
 *       against the one-level loop, {@code /usr/bin/time} medians of 5 interleaved runs, wall (CPU) s: fib
 *       0.38 (0.62) to 0.34 (0.54), matmul 0.84 (1.39) to 0.64 (1.01), sieve 2.01 (2.66) to 1.73 (2.05),
 *       sha256 2.29 (2.80) to 2.02 (2.40), nbody 2.20 (2.42) to 2.12 (2.37); geometric mean wall -13%, CPU
 *       -16%. The phase-change recompile still happens but is cheaper ({@code -XX:+PrintCompilation}, one
 *       run each): in matmul its code replaces C1's 0.12 s after the compile starts instead of 0.31 s (and
 *       the old loop trapped a second time at 0.76 s), in sieve 0.15 s after.</li>
 *   <li>Tried and dropped again after the two-level dispatch (2026-11-26, idle machine, task-clock CPU ms,
 *       median of 3 interleaved): the launcher's x3 thresholds under {@code --tier interp} with x1 for
 *       {@code dev.jwasm.core.interp.*} (CompileCommand): fib 535 -> 407, sieve 2171 -> 2111, but matmul
 *       1061 -> 1109, sha256 2399 -> 2609, nbody 2291 -> 3439; geometric mean 1466 -> 1536. With x1 for
 *       {@code core.numeric} and {@code core.runtime} as well: fib 481 -> 351, matmul 935 -> 809, sha256
 *       2384 -> 2259, sieve 1826 -> 2058, nbody 2307 -> 3434, geometric mean unchanged (1352 -> 1353).
 *       PrintCompilation shows why nbody loses: C2's first compile of the loop now starts at 98 ms instead
 *       of 122, before nbody's main phase, and its trimmed switch traps at 145 ms; with the default
 *       thresholds that first compile lasts until 1874 ms.</li>
 *   <li>Hot keys renumbered (2026-11-26, load 3-5, {@code /usr/bin/time} user+sys, medians of 7 interleaved
 *       runs, {@code ./jwasm run --tier interp bench/wasm/P.wasm N} at the compare.sh sizes, main's launcher
 *       against this one): the loop's switch keys numbered by dynamic frequency over the five programs
 *       (counted with a temporary counter), cold instructions above them, loads and stores that behave alike
 *       merged into one key (115 case labels to 91, loop 4309 to 3672 bytes). First as a dense {@code
 *       tableswitch} 0..90: fib 0.41 to 0.41 s, matmul 0.82 to 0.85, sieve 1.98 to 2.02, sha256 2.33 to 2.11,
 *       nbody 2.28 to 3.33 (geometric mean 1.287 to 1.377, worse): C2 now compiled the dense switch into a
 *       jump table; with {@code -XX:MinJumpTableSize=1000} (no jump tables, medians of 3) nbody was back at
 *       2.18 and sieve 1.53, matmul 0.74, sha256 2.03 (geometric mean 1.243 to 1.155). Kept: the same order
 *       with the keys 16 apart ({@code Op.STRIDE}; a {@code lookupswitch}, too sparse for C2's jump table):
 *       fib 0.43 to 0.42, matmul 0.87 to 0.80, sieve 2.09 to 1.71, sha256 2.36 to 1.68, nbody 2.28 to 2.24;
 *       geometric mean 1.333 to 1.167 s (-12.5%), wall 1.494 to 1.297. The loop is still C2-compiled (level
 *       4 in {@code -XX:+PrintCompilation}, sieve and sha256).</li>
 *   <li>Five more fall-through fusions from pair counts (temporary counter of adjacent opcodes): local.get
 *       then local.tee, two local copies, local.get into {@code I32_ROTL_C} and {@code I32_SHR_U_C}, and local.get
 *       into {@code BR_IF_LE_U}; keys renumbered by the new counts (96 keys, loop 3818 bytes). Dispatches:
 *       sieve -8.6%, sha256 -18%, others unchanged. CPU medians of interleaved runs against the renumbering
 *       alone (load 3-5): 7 rounds of all five, fib 0.44 to 0.43 s, matmul 0.85 to 0.84, sieve 2.12 to 1.74,
 *       sha256 1.70 to 1.75, nbody 2.24 to 2.20 (geometric mean 1.247 to 1.193); then 8 rounds sieve 2.10 to
 *       1.73 (the old one bimodal, 1.7 or 2.1-2.2), sha256 1.61 to 1.70; 10 rounds sha256 1.67 to 1.69, matmul
 *       0.82 to 0.78. sha256 gains nothing from its 18% fewer dispatches (its C2 compile took 360 instead of 190
 *       ms in one {@code -XX:+PrintCompilation} pair; disabling single fusions gave no clear signal).</li>
 *   <li>Three f64 fusions for nbody's most frequent pairs: f64.add then f64.store (falls through the store),
 *       local.tee then f64.mul, f64.const then f64.mul (99 keys, loop 3960 bytes). nbody dispatches 492.7M to
 *       437.1M (-11%). CPU medians of interleaved runs against the previous step (load 3-5): 8 rounds nbody 2.17
 *       to 2.04 s, matmul 0.81 to 0.85; 10 rounds matmul 0.83 to 0.85, fib 0.41 to 0.40; 6 rounds of all five
 *       (keys renumbered): fib 0.42 to 0.39, matmul 0.80 to 0.81, sieve 1.68 to 1.72, sha256 1.79 to 1.75,
 *       nbody 2.21 to 1.98, geometric mean 1.170 to 1.134.</li>
 *   <li>Measured, not adopted (a launcher flag; 2026-11-26, load 4-5): {@code ColdDispatch.execute} is C2-compiled
 *       in matmul too (its init and checksum phases run ~43K each of f64.convert_i32_u, f64.neg, f64.lt/gt,
 *       i32.rem_u) and recompiled whole after a trimmed key traps: {@code -XX:+LogCompilation} showed 0.17 s of
 *       C2 wall time for its 18 KB recompile, beside 0.46 s for the loop's untrimmed one; C2 threads were 36% of
 *       matmul's CPU samples in {@code perf}. {@code -XX:CompileCommand=CompileThresholdScaling,
 *       dev.jwasm.core.interp.ColdDispatch::execute,20.0} (C2 compiles it at 0.9 s instead of 0.3 s), CPU
 *       medians of 6 interleaved runs: matmul 0.84 to 0.78 s, sieve 1.90 to 1.90.</li>
 *   <li>compare.sh as in the issue, right after each other (geometric means of wall medians), load 3-4: this
 *       branch jwasm 1.182 s against Chicory 3.654 (3.09x), main 1.337 against 3.763 (2.81x); a second pair,
 *       load 2-3.6: this branch 1.302 against 3.952 (3.03x), main 1.077 against 3.284 (3.05x). Wall time on
 *       this shared machine swings more than the change; the interleaved CPU medians are the signal.</li>
 *   <li>Key order changes C2's code too (2026-11-26, load 2-3, CPU medians of interleaved runs), probably
 *       because its search tree splits the sorted key ranges by profile weight, so where a program's hot keys
 *       sit sets the tree's depth for it. The f64 fusions with their keys appended at 96-98 instead of ranked:
 *       matmul 0.79 s against 0.845 ranked (10 rounds, and again in 8; the step before: 0.79), sha256 1.99
 *       against 1.68 (bimodal, 6 rounds; 8 more: 1.71 against 1.655), nbody 2.03 against 1.965, sieve 1.70
 *       against 1.68: about even on the geometric mean, the ranked order kept. Over 14 interleaved rounds
 *       against main (load 2.5-3.7): fib 0.42 to 0.41, matmul 0.80 to 0.86, sieve 1.85 to 1.68, sha256 2.21
 *       to 1.77, nbody 2.26 to 2.13; geometric mean 1.250 to 1.174 (-6%).</li>
 *   <li>Adopted after the merge (2026-11-26 01:21, idle machine, {@code perf stat -e task-clock}, CPU ms,
 *       median of 7 interleaved runs): the launcher passes the {@code ColdDispatch.execute}
 *       {@code CompileThresholdScaling} of 20 under {@code --tier interp}: matmul 885 -> 737, sha256 1732 ->
 *       1662, sieve 1699 -> 1747, nbody 2170 -> 2254 (a first round of 5: fib 429 -> 429, sieve 1753 -> 1720,
 *       nbody 2162 -> 2164); geometric mean about -3%.</li>
 * </ul>
 */
package dev.jwasm.core.interp;
