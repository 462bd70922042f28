package dev.jwasm.core.model;

/**
 * Facts the validator computes once per defined function, for the execution tiers.
 *
 * @param maxStackHeight the largest number of operand-stack values live at any point of the body
 * @param maxControlDepth the deepest nesting of blocks, loops and ifs (the function body counts as 1)
 * @param usesMemory true when the body has any instruction that touches a linear memory
 * @param hasCalls true when the body calls any function (direct, indirect or by reference)
 */
public record FunctionInfo(int maxStackHeight, int maxControlDepth, boolean usesMemory, boolean hasCalls) {
}
