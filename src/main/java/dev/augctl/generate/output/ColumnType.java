package dev.augctl.generate.output;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The type of an input column in the datasets, inferred from its values the way pandas' read_csv
 * infers it: integers are int64, decimal numbers double, true/false boolean, anything else string.
 * One value that does not parse keeps the whole column a string; an empty cell is null and does not
 * count. The text column is always a string (its variants are text).
 */
public enum ColumnType {
    INT64, DOUBLE, BOOLEAN, STRING;

    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");

    /** The lower-case name, as in meta.json: int64, double, boolean, string. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The narrowest type that holds every non-empty value, starting from "no value seen yet" (null). */
    public static ColumnType widen(ColumnType sofar, String value) {
        if (value.isEmpty() || sofar == STRING) {
            return sofar;
        }
        ColumnType own = of(value);
        if (sofar == null || sofar == own) {
            return own;
        }
        return (sofar == INT64 && own == DOUBLE) || (sofar == DOUBLE && own == INT64) ? DOUBLE : STRING;
    }

    /** A column with no value at all is a string column of nulls. */
    public static ColumnType orString(ColumnType inferred) {
        return inferred == null ? STRING : inferred;
    }

    private static ColumnType of(String v) {
        if (INTEGER.matcher(v).matches()) {
            try {
                Long.parseLong(v);
                return INT64;
            } catch (NumberFormatException tooLong) {
                return DOUBLE; // pandas reads integers beyond int64 as float64 (or object); a double keeps the value
            }
        }
        if (DECIMAL.matcher(v).matches()) {
            return DOUBLE;
        }
        return v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false") ? BOOLEAN : STRING;
    }

    /** The value of a cell of this type: Long, Double, Boolean, the String itself, or null for an empty cell. */
    public Object parse(String v) {
        if (v.isEmpty()) {
            return null;
        }
        return switch (this) {
            case INT64 -> Long.parseLong(v);
            case DOUBLE -> Double.parseDouble(v);
            case BOOLEAN -> v.equalsIgnoreCase("true");
            case STRING -> v;
        };
    }
}
