package dev.jwasm.core.validate;

import dev.jwasm.api.InvalidModuleException;
import dev.jwasm.core.model.Limits;
import dev.jwasm.core.model.MemoryType;
import dev.jwasm.core.model.TableDef;
import dev.jwasm.core.model.TableType;
import java.util.List;

/** Validity of memory and table types: limits ordered and within the address space. */
final class LimitsRules {
    private LimitsRules() {
    }

    static void checkTables(List<TableDef> tables) {
        for (TableDef t : tables) {
            checkTable(t.type());
        }
    }

    static void checkTable(TableType t) {
        Limits l = t.limits();
        long bound = l.is64() ? -1L : 0xFFFF_FFFFL;
        checkRange(l, bound, "table size must be at most 2^32-1");
    }

    static void checkMemory(MemoryType mt) {
        Limits l = mt.limits();
        int log2 = mt.pageSizeLog2();
        if (log2 != 16 && log2 != 0) {
            throw new InvalidModuleException("invalid custom page size");
        }
        long bound;
        String message;
        // With byte-sized pages the byte count itself must fit the address type, hence one page less.
        if (l.is64()) {
            bound = log2 == 16 ? 1L << 48 : -1L;
            message = "memory size must be at most 2^48 pages";
        } else {
            bound = log2 == 16 ? 1L << 16 : 0xFFFF_FFFFL;
            message = log2 == 16 ? "memory size must be at most 65536 pages (4GiB)"
                    : "memory size must be at most 4294967295 pages";
        }
        checkRange(l, bound, message);
        if (l.shared() && !l.hasMax()) {
            throw new InvalidModuleException("shared memory must have maximum");
        }
    }

    /** Checks min and max against {@code bound} (unsigned; -1 means no bound) and min <= max. */
    private static void checkRange(Limits l, long bound, String message) {
        if (bound != -1 && (Long.compareUnsigned(l.min(), bound) > 0
                || (l.hasMax() && Long.compareUnsigned(l.max(), bound) > 0))) {
            throw new InvalidModuleException(message);
        }
        if (l.hasMax() && Long.compareUnsigned(l.min(), l.max()) > 0) {
            throw new InvalidModuleException("size minimum must not be greater than maximum");
        }
    }
}
