package dev.augctl.generate.augment;

import java.util.List;
import java.util.Map;

/** Typed read access to a method's resolved parameters, falling back to the type's defaults. */
final class Params {
    private final MethodType type;
    private final Map<String, Object> values;

    Params(MethodType type, Map<String, Object> values) {
        this.type = type;
        this.values = values == null ? Map.of() : values;
    }

    private Object get(String name) {
        Object v = values.get(name);
        if (v == null) {
            ParamDef def = type.param(name);
            if (def == null) {
                throw new IllegalArgumentException("type " + type.name() + " has no parameter " + name);
            }
            v = def.defaultValue();
        }
        return v;
    }

    double dbl(String name) {
        return ((Number) get(name)).doubleValue();
    }

    int integer(String name) {
        return ((Number) get(name)).intValue();
    }

    boolean bool(String name) {
        return (Boolean) get(name);
    }

    String string(String name) {
        return (String) get(name);
    }

    @SuppressWarnings("unchecked")
    List<String> strings(String name) {
        return (List<String>) get(name);
    }
}
