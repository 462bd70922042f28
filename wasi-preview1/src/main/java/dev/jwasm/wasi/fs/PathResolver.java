package dev.jwasm.wasi.fs;

import dev.jwasm.wasi.abi.Errno;
import dev.jwasm.wasi.abi.WasiErrnoException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Resolves a guest path relative to a directory descriptor, one component at a time, never leaving the
 * descriptor's directory.
 *
 * <p>Rules: an empty path is ENOENT; an absolute path is ENOTCAPABLE; {@code ..} may climb back up to the
 * descriptor's own directory but not above it (ENOTCAPABLE). Every symlink met on the way (and the final
 * component when following) is read with {@link Files#readSymbolicLink} and its target spliced into the
 * remaining components: an absolute target or one whose {@code ..} climbs above the directory is ENOTCAPABLE,
 * and more than {@value #MAX_SYMLINKS} expansions (chains, loops) is ELOOP. A path ending in {@code /} must
 * name a directory and its final symlink is followed.
 *
 * <p>The directory descriptor itself is stored as components below its preopen and is re-walked with the
 * same checks (starting at the preopen root) on every call, so replacing an opened directory by a symlink
 * pointing outside is caught rather than followed.
 *
 * <p>TOCTOU caveat: java.nio has no {@code openat}/{@code O_NOFOLLOW} for intermediate components, so the
 * checks and the final host operation are separate steps. A process on the host (not the guest, which is
 * single-threaded and can only act through these functions) that swaps a checked directory for a symlink
 * between the check and the operation can still redirect that one operation. Preopen only directories no
 * untrusted host process can write to if that matters.
 */
public final class PathResolver {
    /** Symlink expansions allowed per resolution (Linux allows 40). */
    public static final int MAX_SYMLINKS = 32;
    /** Longest guest path accepted (PATH_MAX). */
    public static final int MAX_PATH = 4096;

    private final Path root;
    private final List<String> stack = new ArrayList<>();
    private final Deque<String> pending = new ArrayDeque<>();
    private int floor;
    private int links;

    private PathResolver(Path root) {
        this.root = root;
    }

    /** The outcome: the host path and its components below the preopen root. */
    public record Resolved(Preopen preopen, List<String> components, Path host, boolean trailingSlash,
            boolean isBaseDirectory) {
        /** True when the path named the directory descriptor itself (e.g. {@code "."}). */
        public boolean isBase() {
            return isBaseDirectory;
        }
    }

    /**
     * Resolves {@code path} relative to {@code dir}.
     *
     * @param followFinal whether a symlink in the last component is followed (lookupflags symlink_follow)
     */
    public static Resolved resolve(DirectoryDescriptor dir, String path, boolean followFinal) throws IOException {
        if (path.isEmpty()) {
            throw new WasiErrnoException(Errno.NOENT);
        }
        if (path.length() > MAX_PATH) {
            throw new WasiErrnoException(Errno.NAMETOOLONG);
        }
        if (path.startsWith("/")) {
            throw new WasiErrnoException(Errno.NOTCAPABLE);
        }
        boolean trailingSlash = path.endsWith("/");
        PathResolver r = new PathResolver(dir.preopen().hostRoot());
        r.walk(dir.components(), true);
        int base = r.stack.size();
        r.floor = base;
        String trimmed = trailingSlash ? path.replaceAll("/+$", "") : path;
        r.walk(split(trimmed), followFinal || trailingSlash);
        List<String> comps = List.copyOf(r.stack);
        return new Resolved(dir.preopen(), comps, toHost(r.root, comps), trailingSlash, comps.size() == base);
    }

    /** The host path of {@code dir} itself, re-checked. */
    public static Path resolveSelf(DirectoryDescriptor dir) throws IOException {
        PathResolver r = new PathResolver(dir.preopen().hostRoot());
        r.walk(dir.components(), true);
        return toHost(r.root, r.stack);
    }

    /** Joins components under {@code root}. */
    public static Path toHost(Path root, List<String> components) {
        Path p = root;
        for (String c : components) {
            p = p.resolve(c);
        }
        return p;
    }

    private static List<String> split(String path) {
        List<String> parts = new ArrayList<>();
        for (String s : path.split("/", -1)) {
            parts.add(s);
        }
        return parts;
    }

    private void walk(List<String> components, boolean followFinal) throws IOException {
        for (String component : components) {
            pending.addLast(component);
        }
        while (!pending.isEmpty()) {
            String c = pending.pollFirst();
            if (c.isEmpty() || c.equals(".")) {
                continue;
            }
            if (c.equals("..")) {
                if (stack.size() <= floor) {
                    throw new WasiErrnoException(Errno.NOTCAPABLE);
                }
                stack.remove(stack.size() - 1);
                continue;
            }
            checkName(c);
            stack.add(c);
            boolean last = pending.isEmpty();
            if (last && !followFinal) {
                return;
            }
            step(last);
        }
    }

    /** Examines the component just pushed: expands a symlink, or checks an intermediate is a directory. */
    private void step(boolean last) throws IOException {
        Path here = toHost(root, stack);
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(here, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            if (last) {
                return;
            }
            throw new WasiErrnoException(Errno.NOENT);
        }
        if (attrs.isSymbolicLink()) {
            expand(here);
        } else if (!last && !attrs.isDirectory()) {
            throw new WasiErrnoException(Errno.NOTDIR);
        }
    }

    private void expand(Path link) throws IOException {
        if (++links > MAX_SYMLINKS) {
            throw new WasiErrnoException(Errno.LOOP);
        }
        Path targetPath = Files.readSymbolicLink(link);
        String target = targetPath.toString();
        if (target.isEmpty()) {
            throw new WasiErrnoException(Errno.NOENT);
        }
        if (target.startsWith("/") || targetPath.isAbsolute() || targetPath.getRoot() != null) {
            throw new WasiErrnoException(Errno.NOTCAPABLE);
        }
        stack.remove(stack.size() - 1);
        String separator = link.getFileSystem().getSeparator();
        List<String> parts = split(separator.equals("/") ? target : target.replace(separator, "/"));
        if (target.endsWith("/") && pending.isEmpty()) {
            // "link -> dir/" requires a directory just like a trailing slash in the guest path.
            parts.add(".");
        }
        for (int i = parts.size() - 1; i >= 0; i--) {
            pending.addFirst(parts.get(i));
        }
    }

    private void checkName(String c) {
        if (c.length() > 255) {
            throw new WasiErrnoException(Errno.NAMETOOLONG);
        }
        String separator = root.getFileSystem().getSeparator();
        if (!separator.equals("/") && c.contains(separator)) {
            // On a file system with another separator this would smuggle in extra components.
            throw new WasiErrnoException(Errno.INVAL);
        }
    }
}
