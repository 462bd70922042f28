package dev.jwasm.core.text;

/** Text format entry point (placeholder until the text front end lands). */
public final class Wat {
    private Wat() {
    }

    public static byte[] parse(String text) {
        throw new UnsupportedOperationException("text format not implemented yet");
    }
}
