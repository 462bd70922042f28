package dev.jwasm.jit.link;

import java.util.Map;

/**
 * Defines the generated classes of one module instance. One loader per instance means the classes become
 * unreachable, and can be unloaded, together with the instance. Classes are defined on first resolution so
 * generated classes may call each other by name.
 */
public final class ModuleClassLoader extends ClassLoader {
    private final Map<String, byte[]> classes;
    private final LinkData data;

    public ModuleClassLoader(ClassLoader parent, Map<String, byte[]> classes, LinkData data) {
        super(parent);
        this.classes = classes;
        this.data = data;
    }

    LinkData data() {
        return data;
    }

    /** Serves the bytes of generated classes as {@code .class} resources, for tools and tests that inspect them. */
    @Override
    public java.io.InputStream getResourceAsStream(String name) {
        if (name.endsWith(".class")) {
            byte[] bytes = classes.get(name.substring(0, name.length() - 6).replace('/', '.'));
            if (bytes != null) {
                return new java.io.ByteArrayInputStream(bytes);
            }
        }
        return super.getResourceAsStream(name);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = classes.get(name);
        if (bytes == null) {
            throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
    }
}
