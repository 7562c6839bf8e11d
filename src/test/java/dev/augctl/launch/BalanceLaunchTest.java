package dev.augctl.launch;

import static dev.augctl.launch.LaunchFixture.worker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.augctl.CliRunner;
import dev.augctl.history.HistoryEntry;
import dev.augctl.history.HistoryFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** launch's side of balanced runs: the duration history, the LPT start order, and --retry-failed's argv. */
class BalanceLaunchTest {
    @TempDir
    Path dir;

    private CliRunner.Result launch(LaunchFixture f, String... args) {
        return CliRunner.run(Stream.concat(Stream.of("launch", "--config", f.config.toString()), Arrays.stream(args))
                .toArray(String[]::new));
    }

    private static HistoryEntry shard(int index, int n, double seconds) {
        return new HistoryEntry(HistoryEntry.SHARD, "2026-11-30T00:00:00Z", "r0", "h", "sh exit.sh", null, null,
                null, null, index, n, seconds, null);
    }

    @Test
    void theRetryOfAForcedRunIsStillForced_andTodaysDifferenceIsNamed() throws IOException {
        Path ok = dir.resolve("ok");
        LaunchFixture f = new LaunchFixture(dir).config(2, 2, "/bin/sh", worker("argv-unless.sh"),
                dir + "/argv{shard}", ok.toString(), "--shard", "{shard}", "{force}");
        CliRunner.Result first = launch(f, "--force");
        assertThat(first.exitCode()).isEqualTo(1);
        assertThat(Files.readAllLines(dir.resolve("argv0"))).containsExactly("--shard 0 --force");

        Files.writeString(ok, "");
        CliRunner.Result retry = launch(f, "--retry-failed");
        assertThat(retry.exitCode()).as(retry.out() + retry.err()).isZero();
        assertThat(Files.readAllLines(dir.resolve("argv0"))).containsExactly("--shard 0 --force", "--shard 0 --force");
        assertThat(Files.readAllLines(dir.resolve("argv1"))).containsExactly("--shard 1 --force", "--shard 1 --force");
        assertThat(retry.err().lines().filter(l -> l.contains("--retry-failed reruns")).toList()).singleElement()
                .asString().contains("--force: recorded, not today").contains("--shards 0,1");
    }

    @Test
    void lptStartsTheLongestEstimatedShardsFirst_fromAGivenHistory() throws IOException {
        LaunchFixture f = new LaunchFixture(dir).config(4, 2, "/bin/sh", worker("exit.sh"), "{shard}");
        new HistoryFile(f.logDir.resolve("history.jsonl")).append(List.of(
                shard(0, 4, 1), shard(1, 4, 5), shard(2, 4, 3), shard(3, 4, 10), shard(3, 4, 12), shard(3, 4, 11)));

        CliRunner.Result dry = launch(f, "--jobs", "2", "--dry-run");
        assertThat(dry.exitCode()).isZero();
        assertThat(dry.out()).contains("order: longest estimated first (LPT), from " + f.logDir.resolve("history.jsonl")
                + ": 3 ~11.0s, 1 ~5.0s, 2 ~3.0s, 0 ~1.0s");
        assertThat(dry.out().indexOf("shard 3/4: estimated ~11.0s")).isLessThan(dry.out().indexOf("shard 1/4: estimated ~5.0s"));

        CliRunner.Result run = launch(f, "--jobs", "2");
        assertThat(run.exitCode()).isZero();
        List<Integer> started = new ArrayList<>();
        run.out().lines().filter(l -> l.contains(" started: pid"))
                .forEach(l -> started.add(Integer.parseInt(l.replaceAll(".* shard (\\d+)/4 started.*", "$1"))));
        assertThat(started).containsExactly(3, 1, 2, 0);

        CliRunner.Result index = launch(f, "--jobs", "2", "--order", "index", "--dry-run");
        assertThat(index.out()).contains("order: index order (--order index)");
    }

    @Test
    void aCorruptHistoryIsIgnoredWithOneWarning_andTheRunIsRecorded() throws IOException {
        LaunchFixture f = new LaunchFixture(dir).config(2, 2, "/bin/sh", worker("timed.sh"), "{shard}", "0.3");
        Path history = f.logDir.resolve("history.jsonl");
        Files.createDirectories(f.logDir);
        Files.writeString(history, "{\"kind\":\"shard\",\"seconds\":\"soon\"}\nnot json at all\n\u0000\u0001\n");

        CliRunner.Result r = launch(f, "--jobs", "1");
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.err().lines().toList()).singleElement().asString()
                .contains(history + " line 1: seconds must be a number >= 0, got soon; 3 unreadable line(s) ignored");

        List<String> warnings = new ArrayList<>();
        List<HistoryEntry> read = new HistoryFile(history).read(warnings::add);
        assertThat(warnings).hasSize(1);
        assertThat(read).filteredOn(HistoryEntry::isShard).extracting(HistoryEntry::shard).containsExactly(0, 1);
        List<HistoryEntry> combos = read.stream().filter(HistoryEntry::isCombo).toList();
        assertThat(combos).extracting(HistoryEntry::combo).containsExactly("combo_s0", "combo_s1");
        assertThat(combos).allSatisfy(e -> {
            assertThat(e.worker()).isEqualTo("sh timed.sh");
            assertThat(e.seconds()).isBetween(0.25, 5.0);
            assertThat(e.rows()).isEqualTo(7);
        });
    }
}
