package dev.augctl.generate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds where a file stops being UTF-8, for an error message a user can act on. */
final class Utf8Position {
    private Utf8Position() {
    }

    /** " at line L (byte offset B)" for the first malformed byte sequence, or "" when none is found. */
    static String describe(Path file) {
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            long offset = 0;
            long line = 1;
            int b;
            while ((b = in.read()) >= 0) {
                int extra = b < 0x80 ? 0 : b >= 0xC2 && b <= 0xDF ? 1 : b >= 0xE0 && b <= 0xEF ? 2 : b >= 0xF0 && b <= 0xF4 ? 3 : -1;
                if (extra < 0 || !continuation(in, extra, b)) {
                    return " at line " + line + " (byte offset " + offset + ")";
                }
                if (b == '\n') {
                    line++;
                }
                offset += 1 + extra;
            }
        } catch (IOException e) {
            return "";
        }
        return "";
    }

    /** Reads the continuation bytes of a sequence led by {@code lead}; false if they are not valid. */
    private static boolean continuation(InputStream in, int count, int lead) throws IOException {
        for (int i = 0; i < count; i++) {
            int c = in.read();
            if (c < 0x80 || c > 0xBF) {
                return false;
            }
            // overlong three-byte forms, UTF-16 surrogates and code points above U+10FFFF
            if (i == 0 && ((lead == 0xE0 && c < 0xA0) || (lead == 0xED && c > 0x9F)
                    || (lead == 0xF0 && c < 0x90) || (lead == 0xF4 && c > 0x8F))) {
                return false;
            }
        }
        return true;
    }
}
