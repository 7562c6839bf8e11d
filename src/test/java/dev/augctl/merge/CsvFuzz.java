package dev.augctl.merge;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Random manifests made of every CSV feature merge reads: quoted commas, doubled quotes, quoted CR,
 * LF and CRLF, CRLF or CR line ends, a byte-order mark, blank lines, empty values, non-ASCII text, a
 * missing final line break; and, with {@code errors}, what makes a manifest invalid or odd (ragged
 * rows, unterminated quotes, text after a closing quote, bytes that are not UTF-8, bad counts, empty
 * or repeated combos).
 */
final class CsvFuzz {
    private final Random random;
    private final boolean errors;
    private final int keySpace;
    /** Set when a file holds what Commons CSV reads but the fast pass leaves to it. */
    private boolean handedOver;

    /**
     * @param errors   whether to mix in invalid or unusual input
     * @param keySpace how many distinct combo names to draw from (small: repeats are likely)
     */
    CsvFuzz(Random random, boolean errors, int keySpace) {
        this.random = random;
        this.errors = errors;
        this.keySpace = keySpace;
    }

    /** True when a file made so far holds invalid UTF-8 or white space after a closing quote. */
    boolean handedOver() {
        return handedOver;
    }

    /** A manifest: the header, then {@code rows} records; {@code keyColumn} and {@code countColumns} get matching values. */
    byte[] manifest(List<String> header, int rows, int keyColumn, List<Integer> countColumns) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String eol = pick("\n", "\n", "\n", "\r\n", "\r");
        if (chance(10)) {
            out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        if (chance(15)) {
            blankLines(out, eol);
        }
        for (int c = 0; c < header.size(); c++) {
            if (c > 0) {
                put(out, ",");
            }
            put(out, chance(10) ? "\"" + header.get(c) + "\"" : header.get(c));
        }
        for (int r = 0; r < rows; r++) {
            put(out, chance(5) ? pick("\n", "\r\n", "\r") : eol);
            if (chance(8)) {
                blankLines(out, eol);
            }
            int width = header.size();
            if (errors && chance(2)) {
                width += random.nextBoolean() ? 1 : -1;
            }
            for (int c = 0; c < width; c++) {
                if (c > 0) {
                    put(out, ",");
                }
                if (c == keyColumn) {
                    key(out);
                } else if (countColumns.contains(c)) {
                    count(out);
                } else {
                    value(out);
                }
            }
        }
        if (chance(70)) {
            put(out, eol);
        }
        if (chance(5)) {
            blankLines(out, eol);
        }
        return out.toByteArray();
    }

    /** A combo name: usually plain, sometimes quoted or holding what needs quotes. */
    private void key(ByteArrayOutputStream out) {
        String name = "combo_" + random.nextInt(keySpace);
        int kind = random.nextInt(100);
        if (kind < 75) {
            put(out, name);
        } else if (kind < 82) {
            put(out, "\"" + name + "\"");
        } else if (kind < 88) {
            put(out, "\"" + name + ", \"\"x\"\"\n+y\"");
        } else if (kind < 94) {
            put(out, name + "_é→😀");
        } else if (errors && kind < 96) {
            put(out, pick("", "\"\""));
        } else {
            put(out, name + "\"q");
        }
    }

    /** A rows or rejected value: usually a count. */
    private void count(ByteArrayOutputStream out) {
        int kind = random.nextInt(100);
        if (kind < 96 || !errors) {
            String digits = Integer.toString(random.nextInt(10_000));
            put(out, kind % 10 == 0 ? "\"" + digits + "\"" : digits);
        } else {
            put(out, pick("-3", "12.5", "", " 7", "1e3", "123456789012345678", "1234567890123456789", "x", "00"));
        }
    }

    /** Any other value. */
    private void value(ByteArrayOutputStream out) {
        int kind = errors && chance(3) ? 100 + random.nextInt(25) : random.nextInt(100);
        switch (kind / 5) {
            case 0, 1, 2, 3, 4 -> put(out, "v" + random.nextInt(1000));
            case 5 -> put(out, "");
            case 6 -> put(out, "\"a, b\"");
            case 7 -> put(out, "\"say \"\"hi\"\"\"");
            case 8 -> put(out, pick("\"line one\nline two\"", "\"cr\r\nlf\"", "\"lone\rcr\"", "\"\n\""));
            case 9 -> put(out, "\"plain quoted\"");
            case 10 -> put(out, "\"\"");
            case 11 -> put(out, pick("a\"b", " \"lead\"", "tail\""));
            case 12 -> put(out, pick("é", "日本語", "😀 emoji", "\"ü, ö\""));
            case 13 -> put(out, pick(" spaced ", "\ttab", "x/y.parquet"));
            case 14, 15, 16, 17, 18, 19 -> put(out, "p" + random.nextInt(50) + "/dataset.parquet");
            case 20 -> {
                handedOver = true;
                out.writeBytes(pickBytes(new byte[] {(byte) 0xFF}, new byte[] {'a', (byte) 0xC3},
                        new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xC0, (byte) 0xAF},
                        new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}));
            }
            case 21 -> {
                handedOver = true;
                put(out, pick("\"a\" ", "\"b\"\t"));
            }
            case 22 -> put(out, "\"junk\"x");
            case 23 -> put(out, "\"never closed");
            default -> put(out, "\"a\"\"\"");
        }
    }

    private void blankLines(ByteArrayOutputStream out, String eol) {
        for (int i = random.nextInt(3); i >= 0; i--) {
            put(out, eol);
        }
    }

    private boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }

    private byte[] pickBytes(byte[]... options) {
        return options[random.nextInt(options.length)];
    }

    private static void put(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
