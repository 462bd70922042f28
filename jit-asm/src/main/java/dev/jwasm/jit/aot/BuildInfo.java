package dev.jwasm.jit.aot;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The identity of this jwasm build as compiled modules record it: the project version and the build time.
 * Generated classes call into this build's runtime by name, so a jar from any other build (even one with the
 * same version number) is refused rather than trusted to still link and behave the same.
 */
final class BuildInfo {
    /** Version of the jar layout and of what its manifest says; bump on any incompatible change. */
    static final int FORMAT_VERSION = 3;
    /** {@code <version> (<build time>)}, or {@code unknown} when run from classes without filtered resources. */
    static final String JWASM_VERSION = read();

    private BuildInfo() {
    }

    private static String read() {
        // The manifest of the jar holding this class says it at no cost: the class loader has parsed it (and
        // it survives in the class-data-sharing archive), while reading build.properties as a resource costs a
        // cached run ~3 ms of start-up. Only jwasm's own jars are believed: a jar that shades jwasm into an
        // application has the application's manifest, and build.properties is right there.
        Package p = BuildInfo.class.getPackage();
        String title = p.getImplementationTitle();
        String manifestVersion = p.getImplementationVersion();
        if (("jwasm".equals(title) || "jwasm-jit-asm".equals(title)) && manifestVersion != null
                && manifestVersion.endsWith("Z)") && !manifestVersion.contains("${")) {
            return manifestVersion;
        }
        return fromResource();
    }

    private static String fromResource() {
        try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String version = p.getProperty("version", "");
            String build = p.getProperty("build", "");
            if (version.isEmpty() || version.startsWith("${")) {
                return "unknown";
            }
            return build.isEmpty() || build.startsWith("${") ? version : version + " (" + build + ")";
        } catch (IOException e) {
            return "unknown";
        }
    }
}
