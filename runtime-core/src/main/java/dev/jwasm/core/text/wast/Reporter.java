package dev.jwasm.core.text.wast;

/** Builds the {@link WastResult} of one command. */
record Reporter(String file, int line, String kind) {
    static Reporter of(String file, WastCommand command) {
        return new Reporter(file, command.line(), command.keyword());
    }

    WastResult passed() {
        return WastResult.passed(file, line, kind);
    }

    WastResult failed(String message) {
        return WastResult.failed(file, line, kind, message);
    }

    WastResult skipped(String feature, String why) {
        return WastResult.skipped(file, line, kind, feature, why);
    }

    /** Passes; if {@code actualMessage} lacks {@code expected}, notes the mismatch as {@code remarkIfMismatch}. */
    WastResult passedExpecting(String expected, String actualMessage) {
        String actual = String.valueOf(actualMessage);
        if (actual.contains(expected)) {
            return passed();
        }
        return WastResult.passedWithRemark(file, line, kind, WastRemark.MESSAGE_MISMATCH,
                "expected message '" + expected + "', got '" + actual + "'");
    }

    WastResult passedWithRemark(WastRemark remark, String message) {
        return WastResult.passedWithRemark(file, line, kind, remark, message);
    }

    /**
     * The expected kind of error happened. Passes when its message contains {@code expected}; otherwise it is
     * skipped if the message says a feature is missing, and else passes with a message-mismatch remark.
     */
    WastResult expectedError(String expected, Throwable t) {
        String actual = String.valueOf(t.getMessage());
        if (!actual.contains(expected)) {
            String feature = UnsupportedFeatures.of(t);
            if (feature != null) {
                return skipped(feature, describe(t));
            }
        }
        return passedExpecting(expected, actual);
    }

    /** An error nobody asked for: skipped when it says a feature is missing, else failed. */
    WastResult unexpected(String context, Throwable t) {
        if (t instanceof ModuleUnavailableException u) {
            Unavailable why = u.unavailable();
            return why.feature() != null
                    ? skipped(why.feature(), u.getMessage())
                    : failed(u.getMessage());
        }
        String feature = UnsupportedFeatures.of(t);
        if (feature != null) {
            return skipped(feature, describe(t));
        }
        return failed(context + ": " + describe(t));
    }

    /** Class and message; for Java errors (not WebAssembly ones) also where they were thrown. */
    static String describe(Throwable t) {
        String text = t instanceof dev.jwasm.api.WasmException
                ? t.getClass().getSimpleName() + ": " + t.getMessage()
                : t.toString();
        if (!(t instanceof dev.jwasm.api.WasmException) && t.getStackTrace().length > 0) {
            text += " at " + t.getStackTrace()[0];
        }
        return text;
    }
}
