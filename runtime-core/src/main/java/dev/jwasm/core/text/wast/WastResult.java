package dev.jwasm.core.text.wast;

import java.util.Objects;

/**
 * The outcome of one command of a script.
 *
 * @param file the script's name (usually its path)
 * @param line 1-based line of the command
 * @param kind the command keyword, for example {@code assert_return} or {@code module}
 * @param status passed, failed or skipped
 * @param message for a failure what was expected and what happened; for a skip why; for a pass with a
 *     remark the mismatch; otherwise empty
 * @param feature for a skip the missing feature (for example {@code simd}, {@code gc}); otherwise null
 * @param remark a note on a loosely matched pass
 */
public record WastResult(String file, int line, String kind, WastStatus status, String message, String feature,
                         WastRemark remark) {
    public WastResult {
        Objects.requireNonNull(file);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(status);
        message = message == null ? "" : message;
        remark = remark == null ? WastRemark.NONE : remark;
    }

    static WastResult passed(String file, int line, String kind) {
        return new WastResult(file, line, kind, WastStatus.PASSED, "", null, WastRemark.NONE);
    }

    static WastResult passedWithRemark(String file, int line, String kind, WastRemark remark, String message) {
        return new WastResult(file, line, kind, WastStatus.PASSED, message, null, remark);
    }

    static WastResult failed(String file, int line, String kind, String message) {
        return new WastResult(file, line, kind, WastStatus.FAILED, message, null, WastRemark.NONE);
    }

    static WastResult skipped(String file, int line, String kind, String feature, String why) {
        return new WastResult(file, line, kind, WastStatus.SKIPPED, why, feature, WastRemark.NONE);
    }

    /** {@code file:line}, the name tests and reports use for this command. */
    public String location() {
        return file + ":" + line;
    }

    @Override
    public String toString() {
        String text = location() + " " + kind + " " + status;
        if (feature != null) {
            text += " [" + feature + "]";
        }
        return message.isEmpty() ? text : text + ": " + message;
    }
}
