package dev.augctl.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.augctl.common.AugctlException;
import dev.augctl.config.AugctlConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkerTemplateTest {
    private static final Path CONF = Path.of("conf/augctl.yaml");

    @Test
    void theDefaultTemplateExpandsEveryPlaceholder() {
        AugctlConfig c = new AugctlConfig();
        WorkerTemplate t = WorkerTemplate.of(c, CONF, false, List.of("java", "-jar", "augctl.jar"));
        List<String> argv = t.argv(3, 7, Path.of("logs/augment/shard_3_of_7.log"), Path.of("data/cache/augment_shard3.db"));
        assertThat(argv).startsWith("java", "-jar", "augctl.jar", "generate", "--input", "data/sample/redsm5_sample.csv");
        assertThat(String.join(" ", argv)).contains("--quality-min-sim 0.55 --quality-max-sim 0.95",
                "--shard-index 3 --num-shards 7 --cache-db data/cache/augment_shard3.db", "--seed 42",
                "--combo-mode singletons", "--save-format parquet").doesNotContain("{").doesNotContain("--force");
        assertThat(t.usesBuiltinWorker()).isTrue();
        assertThat(t.uses("input")).isTrue();
    }

    @Test
    void forceTokenBecomesFlagAndPlaceholdersWorkInsideTokens() {
        AugctlConfig c = new AugctlConfig();
        c.worker.command = new ArrayList<>(List.of("python", "gen.py", "--log={log}", "shard-{shard}-of-{num_shards}", "{force}"));
        WorkerTemplate t = WorkerTemplate.of(c, CONF, true, List.of());
        assertThat(t.argv(0, 2, Path.of("l.log"), Path.of("c.db")))
                .containsExactly("python", "gen.py", "--log=l.log", "shard-0-of-2", "--force");
        assertThat(t.usesBuiltinWorker()).isFalse();
    }

    @Test
    void anUnknownPlaceholderNamesItselfAndTheFile() {
        AugctlConfig c = new AugctlConfig();
        c.worker.command = new ArrayList<>(List.of("w", "{sed}"));
        assertThatThrownBy(() -> WorkerTemplate.of(c, CONF, false, List.of()))
                .isInstanceOf(AugctlException.class)
                .hasMessage("conf/augctl.yaml: worker.command: unknown placeholder {sed} in '{sed}' (did you mean {seed}?)");
        c.worker.command = new ArrayList<>(List.of("w", "{completely_unrelated_name}"));
        assertThatThrownBy(() -> WorkerTemplate.of(c, CONF, false, List.of())).hasMessageContaining("(known: {input}");
    }

    @Test
    void valuesWithRegexSpecialCharactersAreInsertedLiterally() {
        AugctlConfig c = new AugctlConfig();
        c.input = Path.of("data/$1 \\x.csv");
        c.worker.command = new ArrayList<>(List.of("w", "--input={input}"));
        assertThat(WorkerTemplate.of(c, CONF, false, List.of()).argv(0, 1, Path.of("l"), Path.of("c")))
                .containsExactly("w", "--input=data/$1 \\x.csv");
    }
}
