package dev.jwasm.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class LocalTypesTest {
    @Test
    void groupsReadAsTheExpandedList() {
        LocalTypes locals = LocalTypes.of(new int[] {2, 0, 1, 3}, new ValType[] {ValType.I32, ValType.F32,
            ValType.I64, ValType.V128});
        assertEquals(List.of(ValType.I32, ValType.I32, ValType.I64, ValType.V128, ValType.V128, ValType.V128),
                locals);
        assertEquals(3, locals.groupCount());
        assertEquals(ValType.I64, locals.groupType(1));
        assertEquals(3, locals.groupSize(2));
        assertThrows(IndexOutOfBoundsException.class, () -> locals.get(6));
    }

    @Test
    void aFunctionBodyKeepsTheCompactListWithoutExpandingIt() {
        LocalTypes locals = LocalTypes.of(new int[] {1_000_000}, new ValType[] {ValType.F64});
        FunctionBody body = new FunctionBody(locals, 10, 12);
        assertSame(locals, body.locals());
        assertEquals(ValType.F64, body.locals().get(999_999));
    }

    @Test
    void theListIsImmutable() {
        LocalTypes locals = LocalTypes.of(new int[] {1}, new ValType[] {ValType.I32});
        assertThrows(UnsupportedOperationException.class, () -> locals.add(ValType.I64));
        assertEquals(List.of(), LocalTypes.of(new int[0], new ValType[0]));
    }
}
