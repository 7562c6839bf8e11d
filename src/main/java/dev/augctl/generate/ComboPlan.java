package dev.augctl.generate;

import dev.augctl.common.ComboMode;
import dev.augctl.common.AugctlException;
import dev.augctl.generate.augment.MethodSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The fixed, global list of combos built from the enabled methods in file order, and the share of one
 * shard: combo {@code k} (0-based) belongs to shard {@code k mod N}. Every shard computes the same list.
 */
public final class ComboPlan {
    private final List<Combo> combos;

    private ComboPlan(List<Combo> combos) {
        this.combos = List.copyOf(combos);
    }

    /**
     * Singletons {@code combo_1_<name>}; pairs {@code combo_2_<a>+<b>} for every a before b in file order.
     * A methods file with no enabled method (or one, for pairs) is bad input.
     */
    public static ComboPlan of(List<MethodSpec> methods, ComboMode mode, Path methodsFile) {
        List<MethodSpec> enabled = methods.stream().filter(MethodSpec::enabled).toList();
        int needed = mode == ComboMode.PAIRS ? 2 : 1;
        if (enabled.size() < needed) {
            throw AugctlException.badInput("methods file " + methodsFile + " has " + enabled.size()
                    + " enabled method(s); --combo-mode " + mode.id() + " needs at least " + needed);
        }
        List<Combo> combos = new ArrayList<>();
        if (mode == ComboMode.SINGLETONS) {
            for (MethodSpec m : enabled) {
                combos.add(new Combo(combos.size(), "combo_1_" + m.name(), List.of(m)));
            }
        } else {
            for (int a = 0; a < enabled.size(); a++) {
                for (int b = a + 1; b < enabled.size(); b++) {
                    MethodSpec first = enabled.get(a);
                    MethodSpec second = enabled.get(b);
                    combos.add(new Combo(combos.size(), "combo_2_" + first.name() + "+" + second.name(),
                            List.of(first, second)));
                }
            }
        }
        return new ComboPlan(combos);
    }

    public List<Combo> all() {
        return combos;
    }

    /** The combos of shard {@code index} of {@code numShards}, in plan order. */
    public List<Combo> forShard(int index, int numShards) {
        return combos.stream().filter(c -> c.index() % numShards == index).toList();
    }
}
