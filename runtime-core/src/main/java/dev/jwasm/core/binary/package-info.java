/**
 * The binary format decoder: {@link dev.jwasm.core.binary.ModuleDecoder} turns module bytes into a
 * {@link dev.jwasm.core.model.DecodedModule}, with one reader class per section and
 * {@link dev.jwasm.core.binary.InstructionScanner} holding the immediates of every opcode.
 *
 * <h2>Design decisions</h2>
 *
 * <ul>
 *   <li><b>Messages follow the reference interpreter</b>, because the spec testsuite's
 *       {@code assert_malformed} texts are its messages. Hence three deliberate quirks:
 *       <ul>
 *         <li>reads are bounded by the end of the module, not of the current section or function body,
 *             and sized constructs are checked afterwards ("section size mismatch"): a body that lacks its
 *             {@code end} runs into the next one and reports "END opcode expected";</li>
 *         <li>vector counts are not compared with the bytes left; the loop fails with "unexpected end"
 *             instead. Every element takes at least one byte, so such a loop stops after at most
 *             {@code remaining} elements, and readers never reserve more slots than that;</li>
 *         <li>byte lengths (sections, bodies, names, data) fail with "length out of bounds" only when
 *             they exceed the rest of the module <em>including</em> their own encoding.</li>
 *       </ul></li>
 *   <li><b>Every function body is scanned while decoding</b> (opcodes, immediates, block nesting), since
 *       the testsuite expects malformed code to be a decode error, not a validation error. Nesting is
 *       tracked in an array, never by recursion.</li>
 *   <li><b>Limits are u64 for every address type</b>, as in WebAssembly 3.0; whether a 32-bit memory or
 *       table limit fits is a validation rule.</li>
 *   <li><b>u32 indices above {@link java.lang.Integer#MAX_VALUE}</b> are clamped to it: no index space can
 *       be that large, so they stay out of range for the validator's signed bounds checks.</li>
 *   <li><b>Supported extensions</b> beyond WebAssembly 3.0: threads (shared memories, atomics), custom page
 *       sizes (memory limits flag 0x08, which makes one core test report "unexpected end" instead of
 *       "malformed limits flags"), wide arithmetic and legacy exception handling
 *       ({@code try}/{@code catch}/{@code delegate}/{@code rethrow}).</li>
 * </ul>
 */
package dev.jwasm.core.binary;
