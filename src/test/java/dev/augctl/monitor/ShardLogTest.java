package dev.augctl.monitor;

import static dev.augctl.monitor.WorkerLogs.info;
import static dev.augctl.monitor.WorkerLogs.line;
import static dev.augctl.monitor.WorkerLogs.py;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ShardLogTest {
    private static final PatternSet BUILT_IN = PatternSet.defaults();
    private static final PatternSet PYTHON = PatternSet.load(Path.of("conf/monitor-python.yaml"), true);

    private static LogFacts feed(PatternSet patterns, String text) {
        ShardLog log = new ShardLog(patterns.copy(), ZoneId.systemDefault());
        byte[] all = text.getBytes(StandardCharsets.UTF_8);
        int start = 0;
        for (int i = 0; i <= all.length; i++) {
            if (i == all.length || all[i] == '\n' || all[i] == '\r') {
                if (i > start) {
                    log.line(all, start, i - start);
                }
                start = i + 1;
            }
        }
        return log.facts();
    }

    @Test
    void builtInWorkerMidCombo() {
        LogFacts f = feed(BUILT_IN, info(100, "shard 0/7: assigned 4 combos: combo_1_keyboard_typo, combo_1_ocr, combo_1_eda, combo_1_aeda")
                + info(99, "combo 1/4 start: combo_1_keyboard_typo")
                + info(97, "combo 1/4 progress: 1200/3000 rows (40.0%)")
                + info(90, "combo 1/4 done: combo_1_keyboard_typo rows=5400 rejected=12 seconds=4.7")
                + info(89, "combo 2/4 start: combo_1_ocr")
                + info(88, "combo 2/4 done: combo_1_ocr rows=5400 rejected=3 seconds=0.0 (skipped: already complete)")
                + info(87, "combo 3/4 start: combo_1_eda")
                + info(80, "combo 3/4 progress: 750/3000 rows (25.0%)"));
        assertThat(f.combosTotal()).isEqualTo(4);
        assertThat(f.combosDone()).isEqualTo(2);
        assertThat(f.current()).isEqualTo("combo_1_eda");
        assertThat(f.fraction()).isEqualTo(0.25);
        assertThat(f.rows()).isEqualTo(10_800);
        assertThat(f.progress()).isCloseTo((2 + 0.25) / 4, within(1e-9));
        assertThat(f.completed()).isFalse();
        assertThat(f.error()).isNull();
        assertThat(Duration.between(f.startedAt(), Instant.now()).toSeconds()).isBetween(99L, 102L);
    }

    @Test
    void builtInWorkerComplete() {
        LogFacts f = feed(BUILT_IN, WorkerLogs.completedShard(1, 7, 3, 100, 50));
        assertThat(f.completed()).isTrue();
        assertThat(f.combosDone()).isEqualTo(3);
        assertThat(f.rows()).isEqualTo(300);
        assertThat(f.progress()).isEqualTo(1.0);
        assertThat(f.endedAt()).isAfter(f.startedAt());
    }

    @Test
    void aLongLogKeepsItsLatestFinishedCombosForTheEtaAndExactCounts() {
        int n = ShardLog.FINISHED_KEPT + 500;
        StringBuilder log = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            log.append(info(10, "combo " + i + "/" + n + " start: combo_1_m" + i))
                    .append(info(10, "combo " + i + "/" + n + " done: combo_1_m" + i + " rows=2 rejected=0 seconds=0.1"));
        }
        LogFacts f = feed(BUILT_IN, log.toString());
        assertThat(f.combosDone()).isEqualTo(n);
        assertThat(f.rows()).isEqualTo(2L * n);
        assertThat(f.finished()).hasSize(ShardLog.FINISHED_KEPT);
        assertThat(f.finished().get(f.finished().size() - 1).name()).isEqualTo("combo_1_m" + n);
        assertThat(f.finished().get(0).name()).isEqualTo("combo_1_m501");
    }

    @Test
    void zeroCombosAssignedThenComplete() {
        LogFacts f = feed(BUILT_IN, info(5, "shard 6/7: assigned 0 combos: ") + info(5, "shard 6/7 complete: 0 combos, 0 rows, 0.0 s"));
        assertThat(f.completed()).isTrue();
        assertThat(f.combosTotal()).isZero();
        assertThat(f.progress()).isEqualTo(1.0);
    }

    @Test
    void errorWithoutFurtherProgressIsKeptAndProgressClearsIt() {
        String head = info(10, "shard 0/2: assigned 2 combos: a, b") + info(9, "combo 1/2 start: a");
        LogFacts failed = feed(BUILT_IN, head + line(8, "ERROR", "methods file conf/x.yaml: unknown method 'foo'"));
        assertThat(failed.error()).isEqualTo("methods file conf/x.yaml: unknown method 'foo'");
        LogFacts recovered = feed(BUILT_IN, head + line(8, "ERROR", "transient") + info(7, "combo 1/2 progress: 10/20 rows (50.0%)"));
        assertThat(recovered.error()).isNull();
        assertThat(recovered.fraction()).isEqualTo(0.5);
    }

    @Test
    void aNewAttemptStartsTheCountsAgain() {
        String first = info(100, "shard 0/2: assigned 2 combos: a, b") + info(99, "combo 1/2 start: a")
                + info(98, "combo 1/2 done: a rows=10 rejected=0 seconds=1") + line(97, "ERROR", "out of memory");
        Instant secondStart = Instant.now().minusSeconds(51).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        String separator = "===== augctl launch: shard 0/2 attempt 2 at " + secondStart + ": /usr/bin/java -jar augctl.jar"
                + " generate --shard-index 0 --num-shards 2 --cache-db data/cache/augment_shard0.db =====\n";
        String second = info(50, "shard 0/2: assigned 2 combos: a, b") + info(49, "combo 1/2 start: a")
                + info(49, "combo 1/2 done: a rows=10 rejected=0 seconds=0.0 (skipped: already complete)")
                + info(48, "combo 2/2 start: b");
        LogFacts f = feed(BUILT_IN, first + separator + second);
        assertThat(f.rows()).isEqualTo(10);
        assertThat(f.combosDone()).isEqualTo(1);
        assertThat(f.error()).isNull();
        assertThat(f.attempts()).isEqualTo(1);
        assertThat(f.startedAt()).isEqualTo(secondStart); // the separator says when the attempt began

        LogFacts noSeparator = feed(BUILT_IN, first + second);
        assertThat(noSeparator.rows()).isEqualTo(10);
        assertThat(Duration.between(noSeparator.startedAt(), Instant.now()).toSeconds()).isBetween(49L, 52L);
    }

    @Test
    void tqdmBarsGiveTheFractionOfTheCurrentCombo() {
        LogFacts f = feed(BUILT_IN, info(10, "shard 0/1: assigned 2 combos: a, b") + info(9, "combo 1/2 start: a")
                + "\r 10%|#         | 300/3000 [00:01<00:09, 300.0it/s]"
                + "\r 45%|████▌     | 1350/3000 [00:12<00:15, 110.2it/s]");
        assertThat(f.fraction()).isEqualTo(0.45);
        LogFacts scaled = feed(BUILT_IN, info(10, "shard 0/1: assigned 1 combos: a") + info(9, "combo 1/1 start: a")
                + "\rgen:  33%|███▎      | 1.00k/3.00k [00:01<00:02, 999it/s]\n");
        assertThat(scaled.fraction()).isCloseTo(1.0 / 3, within(1e-9));
        LogFacts percentOnly = feed(BUILT_IN, info(10, "shard 0/1: assigned 1 combos: a") + info(9, "combo 1/1 start: a")
                + "\r 70%|███████   |\n");
        assertThat(percentOnly.fraction()).isEqualTo(0.7);
    }

    @Test
    void pythonLoggingWithTqdmBars() {
        String text = py(120, "INFO", "Shard 3/7: 4 combos assigned")
                + py(119, "INFO", "Processing combo 1/4: combo_1_wordnet_syn")
                + "\r 50%|#####     | 1500/3000 [00:10<00:10, 150.0it/s]\r100%|##########| 3000/3000 [00:20<00:00, 150.0it/s]\n"
                + py(99, "INFO", "Saved 1,234 rows to data/processed/augsets/combo_1_wordnet_syn/dataset.parquet")
                + py(98, "INFO", "Processing combo 2/4: combo_1_keyboard_typo")
                + "\r 25%|##▌       | 750/3000 [00:03<00:09, 250.0it/s]";
        LogFacts f = feed(PYTHON, text);
        assertThat(f.combosTotal()).isEqualTo(4);
        assertThat(f.combosDone()).isEqualTo(1);
        assertThat(f.rows()).isEqualTo(1234);
        assertThat(f.current()).isEqualTo("combo_1_keyboard_typo");
        assertThat(f.fraction()).isEqualTo(0.25);
        assertThat(Duration.between(f.startedAt(), Instant.now()).toSeconds()).isBetween(119L, 122L);

        LogFacts done = feed(PYTHON, text + "\n" + py(10, "INFO", "All combos complete"));
        assertThat(done.completed()).isTrue();
    }

    @Test
    void pythonTracebackEndsWithTheExceptionAsTheError() {
        String text = py(60, "INFO", "Shard 3/7: 4 combos assigned")
                + py(59, "INFO", "Processing combo 1/4: combo_1_wordnet_syn")
                + py(58, "ERROR", "Shard failed")
                + "Traceback (most recent call last):\n"
                + "  File \"generate_augsets.py\", line 120, in <module>\n"
                + "    main()\n"
                + "RuntimeError: CUDA out of memory\n";
        LogFacts f = feed(PYTHON, text);
        assertThat(f.error()).isEqualTo("RuntimeError: CUDA out of memory");
        assertThat(f.completed()).isFalse();
    }

    @Test
    void runsOfProgressLinesLongerThanTheDeferralWindowKeepTheLatest() {
        StringBuilder b = new StringBuilder(info(100, "shard 0/1: assigned 2 combos: a, b") + info(99, "combo 1/2 start: a"));
        for (int i = 1; i <= 1000; i++) {
            b.append(info(50, "combo 1/2 progress: " + i + "/3000 rows (0.0%)"));
        }
        LogFacts f = feed(BUILT_IN, b.toString());
        assertThat(f.fraction()).isEqualTo(1000 / 3000.0);
        LogFacts done = feed(BUILT_IN, b + info(1, "combo 1/2 done: a rows=9 rejected=0 seconds=1"));
        assertThat(done.fraction()).isZero();
        assertThat(done.combosDone()).isEqualTo(1);
        assertThat(done.rows()).isEqualTo(9);
    }

    @Test
    void aLineThatLooksLikeProgressButIsAnErrorIsAnError() {
        LogFacts f = feed(BUILT_IN, info(100, "shard 0/1: assigned 2 combos: a, b") + info(99, "combo 1/2 start: a")
                + info(50, "combo 1/2 progress: 300/3000 rows (10.0%)")
                + line(40, "ERROR", "lost progress: disk full"));
        assertThat(f.fraction()).isEqualTo(0.1);
        assertThat(f.error()).isEqualTo("lost progress: disk full");
    }

    @Test
    void resetForgetsEverything() {
        ShardLog log = new ShardLog(BUILT_IN.copy(), ZoneId.systemDefault());
        byte[] b = info(1, "shard 0/1: assigned 3 combos: a").getBytes(StandardCharsets.UTF_8);
        log.line(b, 0, b.length - 1);
        log.reset();
        assertThat(log.facts().combosTotal()).isNull();
        assertThat(log.facts().startedAt()).isNull();
    }

    @Test
    void monitorParsesWhatTheTailerReads() throws Exception {
        // the tailer and the parser together, on a buffer too small for one line
        Path file = java.nio.file.Files.createTempFile("shard", ".log");
        try {
            java.nio.file.Files.writeString(file, WorkerLogs.completedShard(0, 1, 5, 7, 30));
            ShardLog log = new ShardLog(BUILT_IN.copy(), ZoneId.systemDefault());
            new LogTailer(file, log).poll(ByteBuffer.allocate(13));
            assertThat(log.facts().rows()).isEqualTo(35);
            assertThat(log.facts().completed()).isTrue();
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }
}
