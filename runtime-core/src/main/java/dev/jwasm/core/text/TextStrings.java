package dev.jwasm.core.text;

import dev.jwasm.api.TextFormatException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Decodes string literals of the text format into bytes. */
public final class TextStrings {
    private TextStrings() {
    }

    /** Decodes a string literal (with its quotes) into the bytes it denotes. */
    public static byte[] decode(SExpr.Atom stringAtom) {
        String t = stringAtom.text();
        if (t.length() < 2 || t.charAt(0) != '"' || t.charAt(t.length() - 1) != '"') {
            throw new TextFormatException("unexpected token", stringAtom.line(), stringAtom.column());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(t.length());
        int end = t.length() - 1;
        for (int i = 1; i < end; i++) {
            char c = t.charAt(i);
            if (c != '\\') {
                int cp = c;
                if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(t.charAt(i + 1))) {
                    cp = Character.toCodePoint(c, t.charAt(++i));
                }
                writeUtf8(out, cp);
                continue;
            }
            if (++i >= end) {
                throw bad(stringAtom, "unexpected token");
            }
            char e = t.charAt(i);
            switch (e) {
                case 't' -> out.write('\t');
                case 'n' -> out.write('\n');
                case 'r' -> out.write('\r');
                case '"' -> out.write('"');
                case '\'' -> out.write('\'');
                case '\\' -> out.write('\\');
                case 'u' -> i = unicodeEscape(t, i, end, out, stringAtom);
                default -> {
                    int hi = Character.digit(e, 16);
                    int lo = i + 1 < end ? Character.digit(t.charAt(i + 1), 16) : -1;
                    if (hi < 0 || lo < 0) {
                        throw bad(stringAtom, "illegal escape");
                    }
                    out.write(hi * 16 + lo);
                    i++;
                }
            }
        }
        return out.toByteArray();
    }

    /** Decodes a string that must be a valid UTF-8 name. */
    public static byte[] decodeName(SExpr.Atom stringAtom) {
        byte[] bytes = decode(stringAtom);
        if (!isValidUtf8(bytes)) {
            throw bad(stringAtom, "malformed UTF-8 encoding");
        }
        return bytes;
    }

    /** The Java string a valid UTF-8 name denotes. */
    public static String decodeNameString(SExpr.Atom stringAtom) {
        return new String(decodeName(stringAtom), StandardCharsets.UTF_8);
    }

    private static int unicodeEscape(String t, int i, int end, ByteArrayOutputStream out, SExpr.Atom a) {
        if (i + 1 >= end || t.charAt(i + 1) != '{') {
            throw bad(a, "illegal escape");
        }
        int close = t.indexOf('}', i);
        if (close < 0 || close >= end) {
            throw bad(a, "illegal escape");
        }
        String hex = t.substring(i + 2, close).replace("_", "");
        if (hex.isEmpty() || hex.length() > 8 || !NumberSyntax.isInt("0x" + t.substring(i + 2, close))) {
            throw bad(a, "illegal escape");
        }
        long cp = Long.parseLong(hex, 16);
        if (cp >= 0xD800 && cp < 0xE000 || cp > 0x10FFFF) {
            throw bad(a, "malformed UTF-8 encoding");
        }
        writeUtf8(out, (int) cp);
        return close;
    }

    private static TextFormatException bad(SExpr.Atom a, String reason) {
        return new TextFormatException(reason, a.line(), a.column());
    }

    static void writeUtf8(ByteArrayOutputStream out, int cp) {
        if (cp < 0x80) {
            out.write(cp);
        } else if (cp < 0x800) {
            out.write(0xC0 | cp >> 6);
            out.write(0x80 | cp & 0x3F);
        } else if (cp < 0x10000) {
            out.write(0xE0 | cp >> 12);
            out.write(0x80 | cp >> 6 & 0x3F);
            out.write(0x80 | cp & 0x3F);
        } else {
            out.write(0xF0 | cp >> 18);
            out.write(0x80 | cp >> 12 & 0x3F);
            out.write(0x80 | cp >> 6 & 0x3F);
            out.write(0x80 | cp & 0x3F);
        }
    }

    /** Strict UTF-8 check: no overlong forms, no surrogates, nothing above U+10FFFF. */
    static boolean isValidUtf8(byte[] b) {
        int i = 0;
        while (i < b.length) {
            int c = b[i] & 0xFF;
            int n;
            int min;
            if (c < 0x80) {
                i++;
                continue;
            } else if (c >= 0xC2 && c <= 0xDF) {
                n = 1;
                min = 0x80;
            } else if (c >= 0xE0 && c <= 0xEF) {
                n = 2;
                min = 0x800;
            } else if (c >= 0xF0 && c <= 0xF4) {
                n = 3;
                min = 0x10000;
            } else {
                return false;
            }
            if (i + n >= b.length) {
                return false;
            }
            int cp = c & (0x3F >> n);
            for (int k = 1; k <= n; k++) {
                int cc = b[i + k] & 0xFF;
                if ((cc & 0xC0) != 0x80) {
                    return false;
                }
                cp = cp << 6 | cc & 0x3F;
            }
            if (cp < min || cp > 0x10FFFF || cp >= 0xD800 && cp < 0xE000) {
                return false;
            }
            i += n + 1;
        }
        return true;
    }
}
