package dev.jwasm.jit.aot;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Rewrites jars entry by entry, for tests of damaged and foreign compiled modules. */
final class Jars {
    private Jars() {
    }

    /** Copies {@code from} to {@code to}, replacing the bytes of entry {@code name} by {@code edit}'s result. */
    static void rewrite(Path from, Path to, String name, UnaryOperator<byte[]> edit) throws IOException {
        try (ZipFile zip = new ZipFile(from.toFile()); OutputStream file = Files.newOutputStream(to);
                ZipOutputStream out = new ZipOutputStream(file)) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                byte[] bytes;
                try (InputStream in = zip.getInputStream(e)) {
                    bytes = in.readAllBytes();
                }
                if (e.getName().equals(name)) {
                    bytes = edit.apply(bytes);
                    if (bytes == null) {
                        continue; // dropped
                    }
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
    }

    /** {@link #rewrite} of the manifest, replacing text {@code what} by {@code with}. */
    static void editManifest(Path from, Path to, String what, String with) throws IOException {
        rewrite(from, to, "META-INF/MANIFEST.MF", b -> {
            String text = new String(b, java.nio.charset.StandardCharsets.UTF_8);
            if (!text.contains(what)) {
                throw new IllegalArgumentException("manifest has no " + what + ": " + text);
            }
            return text.replace(what, with).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        });
    }
}
