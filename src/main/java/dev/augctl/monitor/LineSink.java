package dev.augctl.monitor;

/** Receives the complete lines of a log, in order, as bytes (valid only during the call). */
interface LineSink {
    /** One line without its terminator; {@code len} is at most {@link LogTailer#MAX_LINE}. */
    void line(byte[] buf, int off, int len);

    /** The file was truncated or replaced: forget everything, lines start again from the top. */
    void reset();
}
