package dev.jwasm.wasi.fs;

/** A standard stream backed by a Java stream: no position, a fixed file type. */
abstract class StreamDescriptor extends Descriptor {
    private final int fileType;

    StreamDescriptor(int fileType, long rights) {
        super(rights, 0, 0);
        this.fileType = fileType;
    }

    @Override
    public final int fileType() {
        return fileType;
    }

    @Override
    public final boolean isStream() {
        return true;
    }
}
