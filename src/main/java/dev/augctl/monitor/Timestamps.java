package dev.augctl.monitor;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * Parses the timestamps of log lines: ISO-8601 with a zone ({@code 2026-11-28T20:31:05.123Z}), or
 * without one, with a space and a comma as Python's logging writes them
 * ({@code 2026-11-28 20:31:05,123}), which is local time.
 */
final class Timestamps {
    private Timestamps() {
    }

    /** The instant, or null when the text is not a timestamp. */
    static Instant parse(String text, ZoneId localZone) {
        String s = text.trim().replace(',', '.');
        if (s.length() > 10 && s.charAt(10) == ' ') {
            s = s.substring(0, 10) + 'T' + s.substring(11);
        }
        try {
            if (s.endsWith("Z") || s.endsWith("z")) {
                return Instant.parse(s.substring(0, s.length() - 1) + "Z");
            }
            if (s.length() > 19 && (s.lastIndexOf('+') > 10 || s.lastIndexOf('-') > 10)) {
                return OffsetDateTime.parse(normaliseOffset(s)).toInstant();
            }
            return LocalDateTime.parse(s).atZone(localZone).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** "+0100" becomes "+01:00", which is what ISO_OFFSET_DATE_TIME accepts. */
    private static String normaliseOffset(String s) {
        int sign = Math.max(s.lastIndexOf('+'), s.lastIndexOf('-'));
        String off = s.substring(sign + 1);
        if (off.length() == 4 && off.indexOf(':') < 0) {
            return s.substring(0, sign + 1) + off.substring(0, 2) + ":" + off.substring(2);
        }
        return s;
    }
}
