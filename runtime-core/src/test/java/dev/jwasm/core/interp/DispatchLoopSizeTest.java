package dev.jwasm.core.interp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * HotSpot does not compile methods over 8000 bytes of bytecode (unless {@code -XX:-DontCompileHugeMethods});
 * the dispatch loop past that limit would run in the bytecode interpreter, tens of times slower. Well below
 * that, its size still decides C2's compile time and the cost of C1's profiled switch (see package-info), so
 * the loop has a budget: rarely hot instructions belong in {@link ColdDispatch}.
 */
class DispatchLoopSizeTest {
    private static final int HUGE_METHOD_LIMIT = 8000;
    /**
     * About 4000 bytes with the two-level dispatch and its 99 sparse keys (4300 with keys over 0x03..0x157); was
     * 6300 with every instruction in the loop.
     */
    private static final int BUDGET = 4800;

    @Test
    void dispatchLoopStaysCompilable() throws IOException {
        int size = codeLength(Interpreter.class, "run");
        assertTrue(size > 0 && size < HUGE_METHOD_LIMIT, "Interpreter.run is " + size + " bytes of bytecode");
        assertTrue(size < BUDGET, "Interpreter.run is " + size + " bytes of bytecode, over its budget of " + BUDGET
                + ": move rarely hot instructions to ColdDispatch");
    }

    /** The bytecode length of the (only) method {@code name} of {@code c}, read from its class file. */
    private static int codeLength(Class<?> c, String name) throws IOException {
        try (InputStream raw = c.getResourceAsStream(c.getSimpleName() + ".class")) {
            DataInputStream in = new DataInputStream(raw);
            in.readInt(); // magic
            in.readInt(); // minor, major
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
                    case 5, 6 -> {
                        in.readLong();
                        i++;
                    }
                    case 7, 8, 16, 19, 20 -> in.readUnsignedShort();
                    case 15 -> {
                        in.readUnsignedByte();
                        in.readUnsignedShort();
                    }
                    default -> throw new IOException("constant pool tag " + tag);
                }
            }
            in.skipBytes(6); // access, this, super
            in.skipBytes(2 * in.readUnsignedShort()); // interfaces
            skipMembers(in); // fields
            int methods = in.readUnsignedShort();
            for (int m = 0; m < methods; m++) {
                in.readUnsignedShort();
                String methodName = utf8[in.readUnsignedShort()];
                in.readUnsignedShort();
                int attributes = in.readUnsignedShort();
                for (int a = 0; a < attributes; a++) {
                    String attribute = utf8[in.readUnsignedShort()];
                    int length = in.readInt();
                    if (methodName.equals(name) && attribute.equals("Code")) {
                        in.readUnsignedShort(); // max stack
                        in.readUnsignedShort(); // max locals
                        return in.readInt();
                    }
                    in.skipBytes(length);
                }
            }
            return -1;
        }
    }

    private static void skipMembers(DataInputStream in) throws IOException {
        int n = in.readUnsignedShort();
        for (int i = 0; i < n; i++) {
            in.skipBytes(6);
            int attributes = in.readUnsignedShort();
            for (int a = 0; a < attributes; a++) {
                in.readUnsignedShort();
                in.skipBytes(in.readInt());
            }
        }
    }
}
