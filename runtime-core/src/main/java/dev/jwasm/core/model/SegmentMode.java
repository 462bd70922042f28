package dev.jwasm.core.model;

/** How an element or data segment is used at instantiation. */
public enum SegmentMode {
    ACTIVE,
    PASSIVE,
    DECLARATIVE
}
