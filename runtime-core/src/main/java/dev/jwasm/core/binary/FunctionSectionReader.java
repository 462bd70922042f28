package dev.jwasm.core.binary;

/** Reads the function section (id 3): the type index of every defined function. */
final class FunctionSectionReader {
    private FunctionSectionReader() {
    }

    static void read(ByteReader r, ModuleParts m) {
        int n = r.count();
        int[] typeIndices = new int[r.capacityFor(n)];
        for (int i = 0; i < n; i++) {
            if (i == typeIndices.length) {
                throw r.error(ByteReader.UNEXPECTED_END); // more functions declared than bytes left
            }
            typeIndices[i] = r.index();
        }
        m.functionTypeIndices = typeIndices;
    }
}
