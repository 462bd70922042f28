package dev.jwasm.core.model;

/**
 * One entry of the type index space: a composite type with its declared supertypes (at most one in
 * WebAssembly 3.0) and finality. A plain {@code (func ...)} type definition is a final sub type with no
 * supertypes.
 *
 * @param recGroupStart index of the first type of the recursive group this type belongs to
 * @param recGroupSize number of types in that group (1 for a type outside an explicit {@code rec})
 */
public record SubType(boolean isFinal, int[] supertypes, CompositeType composite, int recGroupStart,
        int recGroupSize) {

    public SubType {
        supertypes = supertypes.clone();
    }

    @Override
    public int[] supertypes() {
        return supertypes.clone();
    }

    public int supertypeCount() {
        return supertypes.length;
    }

    public int supertype(int i) {
        return supertypes[i];
    }

    public boolean isFunc() {
        return composite instanceof FuncType;
    }

    /** The function type; throws if this is not a function type. */
    public FuncType funcType() {
        return (FuncType) composite;
    }
}
