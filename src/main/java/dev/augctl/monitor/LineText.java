package dev.augctl.monitor;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * One log line as a reusable {@link CharSequence} for the regexes: an ASCII line is viewed in place
 * (no copy, no decoding); any other line is decoded as UTF-8 into a reused buffer, with malformed
 * bytes (a cut multi-byte char) replaced rather than failing.
 */
final class LineText implements CharSequence {
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private byte[] bytes;
    private int off;
    private int len;
    private boolean ascii;
    private CharBuffer chars = CharBuffer.allocate(256);

    /** Points this text at {@code len} bytes of {@code buf} from {@code off}. */
    void set(byte[] buf, int off, int len) {
        this.bytes = buf;
        this.off = off;
        this.len = len;
        this.ascii = Bytes.isAscii(buf, off, len);
        if (!ascii) {
            decode();
        }
    }

    private void decode() {
        if (chars.capacity() < len) {
            chars = CharBuffer.allocate(Math.max(len, chars.capacity() * 2));
        }
        chars.clear();
        decoder.reset();
        decoder.decode(ByteBuffer.wrap(bytes, off, len), chars, true);
        decoder.flush(chars);
        chars.flip();
        len = chars.remaining();
    }

    @Override
    public int length() {
        return len;
    }

    @Override
    public char charAt(int index) {
        return ascii ? (char) bytes[off + index] : chars.get(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return toString(start, end);
    }

    String toString(int start, int end) {
        if (ascii) {
            return new String(bytes, off + start, end - start, StandardCharsets.ISO_8859_1);
        }
        return new String(chars.array(), chars.arrayOffset() + start, end - start);
    }

    @Override
    public String toString() {
        return toString(0, len);
    }
}
