package dev.augctl.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.augctl.common.AugctlException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private Path yaml(String content) throws IOException {
        Path file = dir.resolve("augctl.yaml");
        Files.writeString(file, content);
        return file;
    }

    @Test
    void shippedConfigLoadsAndMatchesBuiltInDefaults() {
        AugctlConfig shipped = ConfigLoader.load(Path.of("conf/augctl.yaml"), true);
        AugctlConfig builtIn = new AugctlConfig();
        assertThat(shipped.numShards).isEqualTo(builtIn.numShards).isEqualTo(7);
        assertThat(shipped.worker.command).isEqualTo(builtIn.worker.command);
        assertThat(shipped.input).isEqualTo(builtIn.input);
        assertThat(shipped.qualityMinSim).isEqualTo(0.55);
        assertThat(shipped.merge.keyColumn).isEqualTo("combo");
    }

    @Test
    void fileOverridesDefaultsAndLeavesTheRest() throws IOException {
        AugctlConfig c = ConfigLoader.load(yaml("num_shards: 3\nmerge:\n  key_column: combo_name\n"), true);
        assertThat(c.numShards).isEqualTo(3);
        assertThat(c.merge.keyColumn).isEqualTo("combo_name");
        assertThat(c.merge.rowsColumn).isEqualTo("rows");
        assertThat(c.seed).isEqualTo(42);
    }

    @Test
    void unknownKeyNamesKeyFileLineAndNearestKey() throws IOException {
        Path file = yaml("seed: 1\nnum_shard: 3\n");
        assertThatThrownBy(() -> ConfigLoader.load(file, true))
                .isInstanceOf(AugctlException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("line 2")
                .hasMessageContaining("unknown key 'num_shard'")
                .hasMessageContaining("did you mean 'num_shards'?")
                .satisfies(e -> assertThat(((AugctlException) e).exitCode()).isEqualTo(2));
    }

    @Test
    void unknownNestedKeyIsNamedWithItsSection() throws IOException {
        Path file = yaml("merge:\n  key_colum: x\n");
        assertThatThrownBy(() -> ConfigLoader.load(file, true))
                .hasMessageContaining("unknown key 'merge.key_colum'")
                .hasMessageContaining("did you mean 'key_column'?");
    }

    @Test
    void wrongTypeNamesKeyAndValue() throws IOException {
        Path file = yaml("num_shards: seven\n");
        assertThatThrownBy(() -> ConfigLoader.load(file, true))
                .hasMessageContaining("key 'num_shards'")
                .hasMessageContaining("'seven'")
                .hasMessageContaining("an integer");
    }

    @Test
    void outOfRangeValueNamesKeyAndFile() throws IOException {
        Path file = yaml("combo_mode: triples\n");
        assertThatThrownBy(() -> ConfigLoader.load(file, true))
                .hasMessageContaining(file.toString())
                .hasMessageContaining("key 'combo_mode' has invalid value 'triples' (expected one of singletons, pairs)");
    }

    @Test
    void missingExplicitFileIsAnErrorButMissingDefaultIsNot() {
        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> ConfigLoader.load(missing, true))
                .hasMessageContaining("config file not found: " + missing);
        assertThat(ConfigLoader.load(missing, false).numShards).isEqualTo(7);
    }

    @Test
    void emptyFileMeansDefaults() throws IOException {
        assertThat(ConfigLoader.load(yaml(""), true).numShards).isEqualTo(7);
    }

    @Test
    void invalidYamlIsAClearError() throws IOException {
        Path file = yaml("num_shards: [1,\n");
        assertThatThrownBy(() -> ConfigLoader.load(file, true))
                .isInstanceOf(AugctlException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void everyKindOfSettingIsRead() throws IOException {
        AugctlConfig c = ConfigLoader.load(yaml("""
                jobs: 3
                seed: 1_000
                grace_period: 2
                quality_min_sim: 0.5
                input: "data/my input.csv"
                worker:
                  command: [python, tools/gen.py, "--shard", "{shard}", 12]
                  env: {HF_HOME: /tmp/hf, DEBUG: 1}
                slurm:
                  time: 1:00:00
                  partition: ~
                """), true);
        assertThat(c.jobs).isEqualTo(3);
        assertThat(c.seed).isEqualTo(1000L);
        assertThat(c.gracePeriod).isEqualTo(2.0);
        assertThat(c.qualityMinSim).isEqualTo(0.5);
        assertThat(c.input).isEqualTo(Path.of("data/my input.csv"));
        assertThat(c.worker.command).containsExactly("python", "tools/gen.py", "--shard", "{shard}", "12");
        assertThat(c.worker.env).containsExactly(java.util.Map.entry("HF_HOME", "/tmp/hf"), java.util.Map.entry("DEBUG", "1"));
        assertThat(c.worker.javaOpts).isEqualTo(new AugctlConfig().worker.javaOpts);
        assertThat(c.slurm.time).isEqualTo("1:00:00");
        assertThat(c.slurm.partition).isNull();
        assertThat(c.slurm.jobName).isEqualTo("augctl");
    }

    @Test
    void errorsNameLineAndColumnOfTheValue() throws IOException {
        Path file = yaml("seed: 1\nmerge:\n  key_column: [a, b]\n");
        assertThatThrownBy(() -> ConfigLoader.load(file, true))
                .hasMessage(file + ": line 3, column 15: key 'merge.key_column' has invalid value a list (expected a string)");
    }

    @Test
    void aQuotedNumberIsNotANumber() throws IOException {
        Path file = yaml("num_shards: \"7\"\n");
        assertThatThrownBy(() -> ConfigLoader.load(file, true))
                .hasMessageContaining("key 'num_shards' has invalid value '7' (expected an integer)");
    }

    @Test
    void fractionsAndHugeNumbersAreNotIntegers() throws IOException {
        assertThatThrownBy(() -> ConfigLoader.load(yaml("num_shards: 2.5\n"), true))
                .hasMessageContaining("key 'num_shards' has invalid value '2.5' (expected an integer)");
        assertThatThrownBy(() -> ConfigLoader.load(yaml("num_shards: 99999999999\n"), true))
                .hasMessageContaining("key 'num_shards' has invalid value '99999999999' (expected an integer)");
    }

    @Test
    void aKeyWithoutValueIsAnErrorUnlessTheSettingIsOptional() throws IOException {
        Path file = yaml("input:\n");
        assertThatThrownBy(() -> ConfigLoader.load(file, true))
                .hasMessage(file + ": line 1, column 7: key 'input' has no value (expected a string)");
        assertThatThrownBy(() -> ConfigLoader.load(yaml("merge:\n"), true))
                .hasMessageContaining("key 'merge' has no value (expected a mapping)");
        assertThat(ConfigLoader.load(yaml("jobs:\nthreads_per_shard: null\n"), true).jobs).isNull();
    }

    @Test
    void aSectionThatIsNotAMappingIsNamed() throws IOException {
        assertThatThrownBy(() -> ConfigLoader.load(yaml("merge: combo\n"), true))
                .hasMessageContaining("key 'merge' has invalid value 'combo' (expected a mapping)");
        assertThatThrownBy(() -> ConfigLoader.load(yaml("worker:\n  command: python gen.py\n"), true))
                .hasMessageContaining("key 'worker.command' has invalid value 'python gen.py' (expected a list)");
    }

    @Test
    void aListItemThatIsNotAStringIsNamedByIndex() throws IOException {
        assertThatThrownBy(() -> ConfigLoader.load(yaml("worker:\n  command: [python, [x]]\n"), true))
                .hasMessageContaining("key 'worker.command[1]' has invalid value a list (expected a string)");
    }

    @Test
    void aRepeatedKeyIsAnError() throws IOException {
        Path file = yaml("seed: 1\nnum_shards: 2\nseed: 3\n");
        assertThatThrownBy(() -> ConfigLoader.load(file, true))
                .hasMessage(file + ": line 3, column 1: key 'seed' is given twice (first on line 1)");
    }

    @Test
    void aDocumentThatIsNotAMappingIsNamed() throws IOException {
        Path file = yaml("- num_shards\n- 3\n");
        assertThatThrownBy(() -> ConfigLoader.load(file, true))
                .hasMessage(file + ": line 1, column 1: expected a mapping of settings (key: value), found a list");
    }

    @Test
    void invalidYamlNamesLineAndColumn() throws IOException {
        Path file = yaml("num_shards: 3\n  seed: 4\n");
        assertThatThrownBy(() -> ConfigLoader.load(file, true))
                .hasMessageStartingWith(file + ": line 2, column 7: invalid YAML: ");
    }

    @Test
    void aCommentOnlyFileMeansDefaults() throws IOException {
        assertThat(ConfigLoader.load(yaml("# nothing set yet\n"), true).numShards).isEqualTo(7);
    }
}
