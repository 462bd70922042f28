package dev.jwasm.cli;

/** A {@code --tcplisten HOST:PORT} grant: a listening socket pre-opened for the guest. */
record ListenAddress(String host, int port) {
    /** @throws IllegalArgumentException unless the form is HOST:PORT with a port in 0..65535 */
    static ListenAddress parse(String spec) {
        int colon = spec.lastIndexOf(':');
        if (colon <= 0 || colon == spec.length() - 1) {
            throw invalid(spec);
        }
        String host = spec.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(spec.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw invalid(spec);
        }
        if (port < 0 || port > 65535) {
            throw invalid(spec);
        }
        return new ListenAddress(host, port);
    }

    private static IllegalArgumentException invalid(String spec) {
        return new IllegalArgumentException("invalid --tcplisten '" + spec + "': expected HOST:PORT");
    }
}
