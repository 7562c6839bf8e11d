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
                .hasMessageContaining("combo_mode must be singletons or pairs, got 'triples'");
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
}
