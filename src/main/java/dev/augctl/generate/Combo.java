package dev.augctl.generate;

import dev.augctl.generate.augment.MethodSpec;
import java.util.List;
import java.util.stream.Collectors;

/** One combo: its 0-based position in the global plan, its name, and the methods applied in sequence. */
public record Combo(int index, String name, List<MethodSpec> methods) {
    /** The method names joined with {@code +}, as in the manifest's {@code methods} column. */
    public String methodNames() {
        return methods.stream().map(MethodSpec::name).collect(Collectors.joining("+"));
    }
}
