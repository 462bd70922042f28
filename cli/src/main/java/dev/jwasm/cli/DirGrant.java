package dev.jwasm.cli;

/**
 * A {@code --dir} grant: host directory {@code host} is visible to the guest as {@code guest}.
 *
 * <p>Accepted forms, as wasmtime spells them: {@code HOST::GUEST}, {@code HOST::GUEST:ro} (read-only), and
 * {@code DIR} meaning {@code DIR::DIR}. The host part is split at the first {@code ::}.
 */
record DirGrant(String host, String guest, boolean readOnly) {
    private static final String READ_ONLY_SUFFIX = ":ro";

    /** @throws IllegalArgumentException with a message naming the bad part */
    static DirGrant parse(String spec) {
        int sep = spec.indexOf("::");
        if (sep < 0) {
            requireNonEmpty(spec, spec);
            return new DirGrant(spec, spec, false);
        }
        String host = spec.substring(0, sep);
        String guest = spec.substring(sep + 2);
        boolean readOnly = guest.endsWith(READ_ONLY_SUFFIX);
        if (readOnly) {
            guest = guest.substring(0, guest.length() - READ_ONLY_SUFFIX.length());
        }
        requireNonEmpty(host, spec);
        requireNonEmpty(guest, spec);
        return new DirGrant(host, guest, readOnly);
    }

    private static void requireNonEmpty(String part, String spec) {
        if (part.isEmpty()) {
            throw new IllegalArgumentException(
                    "invalid --dir '" + spec + "': expected HOST::GUEST, HOST::GUEST:ro or DIR");
        }
    }
}
