package dev.augctl.generate;

import dev.augctl.common.ComboMode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.augctl.common.AugctlException;
import dev.augctl.generate.augment.MethodSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComboPlanTest {
    private static final Path FILE = Path.of("m.yaml");

    private static MethodSpec m(String name, boolean enabled) {
        return new MethodSpec(name, "word_swap", Map.of("aug_p", 0.1), enabled);
    }

    private static final List<MethodSpec> METHODS = List.of(m("b", true), m("off", false), m("a", true), m("c", true));

    @Test
    void singletonsFollowTheFileOrderAndSkipDisabledMethods() {
        assertThat(ComboPlan.of(METHODS, ComboMode.SINGLETONS, FILE).all()).extracting(Combo::name)
                .containsExactly("combo_1_b", "combo_1_a", "combo_1_c");
    }

    @Test
    void pairsAreEveryMethodWithEachLaterOne() {
        List<Combo> pairs = ComboPlan.of(METHODS, ComboMode.PAIRS, FILE).all();
        assertThat(pairs).extracting(Combo::name).containsExactly("combo_2_b+a", "combo_2_b+c", "combo_2_a+c");
        assertThat(pairs.get(0).methodNames()).isEqualTo("b+a");
        assertThat(pairs).extracting(Combo::index).containsExactly(0, 1, 2);
    }

    @Test
    void comboKBelongsToShardKModN() {
        ComboPlan plan = ComboPlan.of(METHODS, ComboMode.PAIRS, FILE);
        assertThat(plan.forShard(0, 2)).extracting(Combo::name).containsExactly("combo_2_b+a", "combo_2_a+c");
        assertThat(plan.forShard(1, 2)).extracting(Combo::name).containsExactly("combo_2_b+c");
        assertThat(plan.forShard(4, 5)).isEmpty();
    }

    @Test
    void tooFewEnabledMethodsIsBadInput() {
        assertThatThrownBy(() -> ComboPlan.of(List.of(m("a", true)), ComboMode.PAIRS, FILE))
                .isInstanceOf(AugctlException.class)
                .hasMessage("methods file m.yaml has 1 enabled method(s); --combo-mode pairs needs at least 2")
                .extracting(e -> ((AugctlException) e).exitCode()).isEqualTo(2);
        assertThatThrownBy(() -> ComboPlan.of(List.of(m("a", false)), ComboMode.SINGLETONS, FILE))
                .hasMessageContaining("has 0 enabled method(s)");
    }
}
