package dev.augctl.generate.augment;

import java.util.Map;

/**
 * One entry of the methods file as validated: its name (used in combo names), its type, its
 * parameters with defaults filled in (sorted by key), and whether it is enabled.
 */
public record MethodSpec(String name, String type, Map<String, Object> params, boolean enabled) {
}
