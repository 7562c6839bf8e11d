package dev.augctl.generate.augment;

import java.util.List;

/**
 * One parameter of a method type: its name, kind, default and allowed range. The range is
 * {@code [min, max]} with either end optionally open; lists and strings have no range.
 */
record ParamDef(String name, Kind kind, Object defaultValue, double min, boolean minOpen, double max,
        boolean maxOpen, String doc) {

    /** The canonical Java type of each kind (the types a resolved params map holds). */
    enum Kind {
        INT("an integer"), DOUBLE("a number"), BOOL("true or false"), STRING("a string"),
        STRING_LIST("a list of strings"), PATH("a file path");

        final String expected;

        Kind(String expected) {
            this.expected = expected;
        }
    }

    static ParamDef fraction(String name, double def, String doc) {
        return new ParamDef(name, Kind.DOUBLE, def, 0, true, 1, false, doc);
    }

    static ParamDef unit(String name, double def, String doc) {
        return new ParamDef(name, Kind.DOUBLE, def, 0, false, 1, false, doc);
    }

    static ParamDef integer(String name, int def, int min, int max, String doc) {
        return new ParamDef(name, Kind.INT, def, min, false, max, false, doc);
    }

    static ParamDef bool(String name, boolean def, String doc) {
        return new ParamDef(name, Kind.BOOL, def, 0, false, 0, false, doc);
    }

    static ParamDef path(String name, String def, String doc) {
        return new ParamDef(name, Kind.PATH, def, 0, false, 0, false, doc);
    }

    static ParamDef strings(String name, List<String> def, String doc) {
        return new ParamDef(name, Kind.STRING_LIST, List.copyOf(def), 0, false, 0, false, doc);
    }

    boolean numeric() {
        return kind == Kind.INT || kind == Kind.DOUBLE;
    }

    boolean inRange(double v) {
        boolean lo = minOpen ? v > min : v >= min;
        boolean hi = maxOpen ? v < max : v <= max;
        return lo && hi;
    }

    /** The range as text, e.g. {@code (0, 1]} or {@code [1, 1000]}. */
    String range() {
        return (minOpen ? "(" : "[") + fmt(min) + ", " + fmt(max) + (maxOpen ? ")" : "]");
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
