package dev.jwasm.jit.link;

import dev.jwasm.core.runtime.FunctionInstance;
import dev.jwasm.core.runtime.GlobalInstance;
import dev.jwasm.core.runtime.InstanceImpl;
import dev.jwasm.core.runtime.MemoryInstance;
import dev.jwasm.core.runtime.TableInstance;

/**
 * What a generated class's static initialiser copies into its {@code static final} fields (so HotSpot treats
 * them as constants): the instance, its functions, globals, memories, tables and canonical type ids, and the
 * fuel costs of the loops of each generated class.
 */
public final class LinkData {
    private final InstanceImpl instance;
    private final int[][] costs;

    public LinkData(InstanceImpl instance, int[][] costs) {
        this.instance = instance;
        this.costs = costs;
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

    public int[] costs(int classIndex) {
        return costs[classIndex];
    }
}
