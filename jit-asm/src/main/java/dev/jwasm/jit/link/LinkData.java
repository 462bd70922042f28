package dev.jwasm.jit.link;

import dev.jwasm.core.runtime.FunctionInstance;
import dev.jwasm.core.runtime.GlobalInstance;
import dev.jwasm.core.runtime.InstanceImpl;
import dev.jwasm.core.runtime.MemoryInstance;
import dev.jwasm.core.runtime.TableInstance;

/**
 * What a generated class's static initialiser copies into its {@code static final} fields (so HotSpot treats
 * them as constants): the instance, its functions, globals, memories, tables and canonical type ids, the
 * fuel costs of the loops of each generated class, and whether the classes are the metering variant.
 */
public final class LinkData {
    private final InstanceImpl instance;
    private final int[][] costs;
    private final boolean metering;

    public LinkData(InstanceImpl instance, int[][] costs, boolean metering) {
        this.instance = instance;
        this.costs = costs;
        this.metering = metering;
    }

    /** The data of the generated class {@code c}. */
    public static LinkData of(Class<?> c) {
        return ((ModuleClassLoader) c.getClassLoader()).data();
    }

    public InstanceImpl instance() {
        return instance;
    }

    public FunctionInstance function(int index) {
        return instance.functions[index];
    }

    public GlobalInstance global(int index) {
        return instance.globals[index];
    }

    public MemoryInstance memory(int index) {
        return instance.memories[index];
    }

    public TableInstance table(int index) {
        return instance.tables[index];
    }

    /** The canonical id of type {@code typeIndex} in this process. */
    public int typeId(int typeIndex) {
        return instance.typeIds[typeIndex];
    }

    /** Whether the classes charge fuel (the variant for metered calls) or hand metered calls on. */
    public boolean metering() {
        return metering;
    }

    public int[] costs(int classIndex) {
        return costs[classIndex];
    }
}
