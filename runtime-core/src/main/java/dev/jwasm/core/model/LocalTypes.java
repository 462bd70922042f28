package dev.jwasm.core.model;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The declared locals of a function as an immutable list, stored as the binary format's run-length groups
 * ({@code n} locals of type {@code t}). Memory stays proportional to the module's size even when a tiny
 * body declares tens of thousands of locals, and {@link #get} is a binary search over the groups.
 */
public final class LocalTypes extends AbstractList<ValType> implements RandomAccess {
    private static final LocalTypes EMPTY = new LocalTypes(new int[0], new ValType[0]);

    /** {@code ends[g]} is the index just past group {@code g}. */
    private final int[] ends;
    private final ValType[] types;

    private LocalTypes(int[] ends, ValType[] types) {
        this.ends = ends;
        this.types = types;
    }

    /**
     * The locals made of {@code counts[g]} locals of type {@code types[g]} for each group {@code g}. Groups of
     * size 0 are dropped; the total must fit an int.
     */
    public static LocalTypes of(int[] counts, ValType[] types) {
        if (counts.length != types.length) {
            throw new IllegalArgumentException("counts and types differ in length");
        }
        int[] ends = new int[counts.length];
        ValType[] kept = new ValType[counts.length];
        int groups = 0;
        long total = 0;
        for (int g = 0; g < counts.length; g++) {
            if (counts[g] < 0) {
                throw new IllegalArgumentException("negative count");
            }
            if (counts[g] == 0) {
                continue;
            }
            total += counts[g];
            if (total > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("too many locals");
            }
            ends[groups] = (int) total;
            kept[groups++] = Objects.requireNonNull(types[g]);
        }
        return groups == 0 ? EMPTY : new LocalTypes(Arrays.copyOf(ends, groups), Arrays.copyOf(kept, groups));
    }

    @Override
    public ValType get(int index) {
        Objects.checkIndex(index, size());
        int g = Arrays.binarySearch(ends, index + 1);
        return types[g >= 0 ? g : -g - 1];
    }

    @Override
    public int size() {
        return ends.length == 0 ? 0 : ends[ends.length - 1];
    }

    /** Number of run-length groups (consecutive locals of one type). */
    public int groupCount() {
        return types.length;
    }

    /** The type of the locals of group {@code g}. */
    public ValType groupType(int g) {
        return types[g];
    }

    /** The number of locals in group {@code g}. */
    public int groupSize(int g) {
        return g == 0 ? ends[0] : ends[g] - ends[g - 1];
    }
}
