package dev.augctl.history;

/** A combo as the estimates know it: its name and its methods joined with {@code +}. */
public record ComboKey(String name, String methods) {
}
