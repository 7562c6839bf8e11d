package dev.augctl.launch;

import static dev.augctl.launch.LaunchFixture.worker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.augctl.CliRunner;
import dev.augctl.run.RunState;
import dev.augctl.run.ShardRecord;
import dev.augctl.run.ShardState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** augctl launch in-process, with the helper workers: options, errors, states, retries, argv and env. */
class LaunchCommandTest {
    @TempDir
    Path dir;

    private LaunchFixture fixture(int n, String... command) throws IOException {
        return new LaunchFixture(dir).config(n, 2, command);
    }

    private CliRunner.Result launch(LaunchFixture f, String... args) {
        String[] all = Stream.concat(Stream.of("launch", "--config", f.config.toString()), Arrays.stream(args))
                .toArray(String[]::new);
        return CliRunner.run(all);
    }

    private static List<String> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.map(Path::toString).sorted().toList();
        }
    }

    @Test
    void exitCodesStatesAndSummary() throws IOException {
        LaunchFixture f = fixture(3, "/bin/sh", worker("exit.sh"), "{shard}", "0", "3", "0");
        CliRunner.Result r = launch(f);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("shard 1/3 started: pid", "shard 1/3 failed: exit 3", "shard 0/3 succeeded: exit 0",
                "shard  state", "3 shards: 2 succeeded, 1 failed");
        assertThat(r.out()).containsPattern("1\\s+failed\\s+3\\s+1\\s+\\S+s\\s+" + java.util.regex.Pattern.quote(
                f.logDir.resolve("shard_1_of_3.log").toString()));
        RunState s = f.runState().orElseThrow();
        assertThat(s.state).isEqualTo("failed");
        assertThat(s.numShards).isEqualTo(3);
        assertThat(s.launcherPid).isEqualTo(ProcessHandle.current().pid());
        ShardRecord r1 = s.shard(1).orElseThrow();
        assertThat(r1.state).isEqualTo(ShardState.FAILED);
        assertThat(r1.exitCode).isEqualTo(3);
        assertThat(r1.attempts).isEqualTo(1);
        assertThat(r1.argv).containsExactly("/bin/sh", worker("exit.sh"), "1", "0", "3", "0");
        assertThat(r1.cache).isEqualTo(dir.resolve("cache/augment_shard1.db").toString());
        assertThat(s.shard(0).orElseThrow().state).isEqualTo(ShardState.SUCCEEDED);
        assertThat(Files.readString(f.logDir.resolve("shard_1_of_3.log")))
                .startsWith("===== augctl launch: shard 1/3 attempt 1 at ")
                .contains("shard 1 exits with 3");
    }

    @Test
    void allSucceededExitsZero() throws IOException {
        LaunchFixture f = fixture(2, "/bin/sh", worker("exit.sh"), "{shard}", "0", "0");
        CliRunner.Result r = launch(f, "--jobs", "1");
        assertThat(r.exitCode()).isZero();
        assertThat(f.runState().orElseThrow().state).isEqualTo("succeeded");
        assertThat(r.out()).contains("at most 1 at once", "2 shards: 2 succeeded");
    }

    @Test
    void maxRetriesRestartsAFailedShardAndCountsAttempts() throws IOException {
        LaunchFixture f = fixture(2, "/bin/sh", worker("flaky.sh"), dir + "/count{shard}", "2");
        CliRunner.Result r = launch(f, "--max-retries", "2");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("shard 0/2 failed: exit 1", "retry 1 of 2 scheduled", "retry 2 of 2 scheduled",
                "shard 0/2 started: pid", "(attempt 3)");
        ShardRecord r0 = f.runState().orElseThrow().shard(0).orElseThrow();
        assertThat(r0.state).isEqualTo(ShardState.SUCCEEDED);
        assertThat(r0.attempts).isEqualTo(3);
        String log = Files.readString(f.logDir.resolve("shard_0_of_2.log"));
        assertThat(log).contains("attempt 1 at", "attempt 2 at", "attempt 3 at", "flaky run 1 fails", "flaky run 3 succeeds");
    }

    @Test
    void retryFailedRerunsOnlyFailedShardsAndKeepsTheOthers() throws IOException {
        LaunchFixture f = fixture(3, "/bin/sh", worker("flaky.sh"), dir + "/count{shard}", "{shard}");
        // shard 0 succeeds at once, shard 1 fails once, shard 2 fails twice
        assertThat(launch(f).exitCode()).isEqualTo(1);
        String succeededAt = f.runState().orElseThrow().shard(0).orElseThrow().endedAt;

        CliRunner.Result second = launch(f, "--retry-failed");
        assertThat(second.exitCode()).isEqualTo(1);
        assertThat(second.out()).contains("2 of 3 shards").doesNotContain("shard 0/3 started");
        RunState s = f.runState().orElseThrow();
        assertThat(s.shard(0).orElseThrow().endedAt).isEqualTo(succeededAt);
        assertThat(s.shard(1).orElseThrow().state).isEqualTo(ShardState.SUCCEEDED);
        assertThat(s.shard(1).orElseThrow().attempts).isEqualTo(2);
        assertThat(s.shard(2).orElseThrow().state).isEqualTo(ShardState.FAILED);

        CliRunner.Result third = launch(f, "--retry-failed");
        assertThat(third.exitCode()).isZero();
        assertThat(third.out()).contains("1 of 3 shards", "shard 2/3 started", "(attempt 3)");
        assertThat(f.runState().orElseThrow().state).isEqualTo("succeeded");

        CliRunner.Result fourth = launch(f, "--retry-failed");
        assertThat(fourth.exitCode()).isZero();
        assertThat(fourth.out()).contains("nothing to run");
    }

    @Test
    void shardsRunsASubset() throws IOException {
        LaunchFixture f = fixture(4, "/bin/sh", worker("exit.sh"), "{shard}");
        CliRunner.Result r = launch(f, "--shards", "1,3");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("2 of 4 shards", "shard 1/4 started", "shard 3/4 started")
                .doesNotContain("shard 0/4 started", "shard 2/4 started");
        RunState s = f.runState().orElseThrow();
        assertThat(s.shards).hasSize(4);
        assertThat(s.shard(0).orElseThrow().state).isEqualTo(ShardState.PENDING);
        assertThat(s.shard(3).orElseThrow().state).isEqualTo(ShardState.SUCCEEDED);
    }

    @Test
    void argvReachesTheWorkerVerbatimWithEnvironmentAndForce() throws IOException {
        String tricky = "it's a \"quoted\" $HOME; rm -rf / `x` \\ end";
        LaunchFixture f = fixture(2, "/bin/sh", worker("echo.sh"), dir + "/echo{shard}", "{shard}", "with space",
                tricky, "--seed={seed}", "{num_shards}", "{force}");
        Files.writeString(f.config, Files.readString(f.config).replace("worker:\n",
                "worker:\n  env: {EXTRA_VAR: \"a b\", OMP_NUM_THREADS: \"5\"}\n"));
        CliRunner.Result r = launch(f, "--force", "--seed", "7", "--threads-per-shard", "3");
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        String[] argv = Files.readString(dir.resolve("echo1.argv"), StandardCharsets.UTF_8).split("\0");
        assertThat(argv).containsExactly("1", "with space", tricky, "--seed=7", "2", "--force");
        assertThat(Files.readAllLines(dir.resolve("echo1.env"))).contains("AUGCTL_SHARD_INDEX=1", "AUGCTL_NUM_SHARDS=2",
                "EXTRA_VAR=a b", "OMP_NUM_THREADS=5", "MKL_NUM_THREADS=3", "OPENBLAS_NUM_THREADS=3",
                "NUMEXPR_NUM_THREADS=3", "TOKENIZERS_PARALLELISM=false");
        // Without --force the {force} token disappears.
        assertThat(launch(f).exitCode()).isZero();
        assertThat(Files.readString(dir.resolve("echo0.argv"))).doesNotContain("--force");
    }

    @Test
    void aWorkerThatWritesALotIsLoggedCompletely() throws IOException {
        LaunchFixture f = fixture(1, "/bin/sh", worker("chatty.sh"), "300000");
        assertThat(launch(f).exitCode()).isZero();
        List<String> log = Files.readAllLines(f.logDir.resolve("shard_0_of_1.log"));
        assertThat(log.stream().filter(l -> l.startsWith("chatty output line")).count()).isEqualTo(300000);
        assertThat(log.stream().filter(l -> l.equals("chatty error line")).count()).isEqualTo(1000);
        assertThat(log.get(log.size() - 1)).isEqualTo("chatty done");
    }

    @Test
    void aWorkerThatCannotStartFailsTheShard() throws IOException {
        Path notExecutable = Files.writeString(dir.resolve("plain.txt"), "x");
        LaunchFixture f = fixture(1, "/bin/sh", "-c", "exit 0");
        Files.writeString(f.config, Files.readString(f.config).replace("\"/bin/sh\", \"-c\", \"exit 0\"",
                LaunchFixture.yamlQuote(dir.resolve("missing-dir").toString() + "/../plain.txt")));
        // Resolvable only in name: validation catches it before anything runs.
        CliRunner.Result r = launch(f);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("is not an executable file");
        assertThat(notExecutable).exists();
        assertThat(f.logDir).doesNotExist();
    }

    @Test
    void mergeIsRunOnlyWhenAvailableAndEveryShardSucceeded() throws IOException {
        LaunchFixture f = fixture(1, "/bin/sh", worker("exit.sh"), "{shard}", "0");
        CliRunner.Result r = launch(f, "--merge");
        assertThat(r.out()).contains("all shards succeeded: merging the shard manifests under");
        LaunchFixture failing = fixture(1, "/bin/sh", worker("exit.sh"), "{shard}", "4");
        CliRunner.Result failed = launch(failing, "--merge");
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.out()).doesNotContain("merging the shard manifests");
    }

    @Test
    void theLockHeldByAnotherLauncherIsExit2NamingItsPid() throws IOException {
        LaunchFixture f = fixture(1, "/bin/sh", worker("exit.sh"), "{shard}");
        try (LaunchLock held = LaunchLock.tryAcquire(f.logDir)) {
            assertThat(held).isNotNull();
            CliRunner.Result r = launch(f);
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).contains("another launcher (pid " + ProcessHandle.current().pid() + " on host ", "launch.lock");
        }
        assertThat(launch(f).exitCode()).isZero();
    }

    @Test
    void dryRunPrintsPasteableCommandsAndCreatesNothing() throws IOException {
        LaunchFixture f = fixture(3, "/bin/sh", worker("echo.sh"), dir + "/out dir/{shard}", "a'b", "{cache}", "{log}", "{force}");
        List<String> before = files(dir);
        CliRunner.Result r = launch(f, "--dry-run", "--jobs", "2", "--force", "--threads-per-shard", "2");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(files(dir)).isEqualTo(before);
        Path log2 = f.logDir.resolve("shard_2_of_3.log");
        Path cache2 = dir.resolve("cache/augment_shard2.db");
        assertThat(r.out()).contains("dry run: 3 of 3 shards, at most 2 at once",
                "shard 2/3:",
                "  command: /bin/sh " + worker("echo.sh") + " '" + dir + "/out dir/2' 'a'\"'\"'b' " + cache2 + " " + log2 + " --force",
                "  log:     " + log2, "  cache:   " + cache2,
                "OMP_NUM_THREADS=2", "TOKENIZERS_PARALLELISM=false", "AUGCTL_NUM_SHARDS=3");
    }

    @Test
    void dryRunOfTheBuiltInWorkerResolvesThisJava() throws IOException {
        CliRunner.Result r = CliRunner.run("launch", "--dry-run", "--num-shards", "2", "--log-dir", dir.resolve("l").toString(),
                "--input", "data/sample/redsm5_sample.csv", "--methods", "conf/augment_methods.yaml");
        assertThat(r.exitCode()).as(r.err()).isZero();
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        assertThat(r.out()).contains("command: " + ProcessHandle.current().info().command().orElseThrow()
                        + " -XX:ActiveProcessorCount=" + threads + (threads == 1 ? " -XX:TieredStopAtLevel=1" : "") // the sample is a small share
                        + " -XX:+UseSerialGC -Xms64m -Xmx512m -cp ",
                " dev.augctl.Main generate --input data/sample/redsm5_sample.csv", "--shard-index 1 --num-shards 2 --cache-db data/cache/augment_shard1.db");
        assertThat(r.out()).contains("worker JVM: the launcher adds -XX:ActiveProcessorCount=" + threads);
        assertThat(dir.resolve("l")).doesNotExist();
    }

    @Test
    void aBadMethodsFileOfTheBuiltInWorkerIsOneErrorBeforeAnyShardStarts() throws IOException {
        Path methods = Files.writeString(dir.resolve("methods.yaml"), "methods:\n  - name: kb\n    type: keybord\n");
        CliRunner.Result r = CliRunner.run("launch", "--num-shards", "2", "--log-dir", dir.resolve("l").toString(),
                "--input", "pom.xml", "--methods", methods.toString());
        assertError(r, methods + ":3: method 'kb': unknown type 'keybord'", "did you mean 'keyboard'?");
        assertThat(dir.resolve("l")).doesNotExist();

        // A worker of one's own reads its methods file its own way: launch only checks that it exists.
        LaunchFixture f = fixture(2, "/bin/sh", worker("exit.sh"), "{shard}", "{methods}");
        assertThat(launch(f, "--dry-run", "--methods", methods.toString()).exitCode()).isZero();
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> badInputs() {
        byte[] latin1 = "sentence_id,sentence_text,DSM5_symptom,status\n1,ok,A,1\n2,caf\u00e9,A,1\n".getBytes(StandardCharsets.ISO_8859_1);
        return Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("no text column",
                        "sentence_id,text,DSM5_symptom,status\n1,hello there,A,1\n".getBytes(StandardCharsets.UTF_8),
                        "has no column 'sentence_text' (--text-col); available columns: sentence_id, text, DSM5_symptom, status"),
                org.junit.jupiter.params.provider.Arguments.of("empty", new byte[0], "is empty (0 bytes): expected a CSV header row"),
                org.junit.jupiter.params.provider.Arguments.of("header only",
                        "sentence_id,sentence_text,DSM5_symptom,status\n".getBytes(StandardCharsets.UTF_8), "has a header but no rows"),
                org.junit.jupiter.params.provider.Arguments.of("not UTF-8", latin1, "not valid UTF-8 at line 3 (byte offset 60)"));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("badInputs")
    void badInputOfTheBuiltInWorkerStopsAtTheDoorInDryRunAndLaunch(String name, byte[] content, String message) throws IOException {
        Path input = Files.write(dir.resolve("input.csv"), content);
        for (String mode : List.of("--dry-run", "--shards=0-1")) {
            CliRunner.Result r = CliRunner.run("launch", mode, "--num-shards", "2", "--log-dir", dir.resolve("l").toString(),
                    "--output-root", dir.resolve("out").toString(), "--cache-dir", dir.resolve("cache").toString(),
                    "--input", input.toString(), "--methods", "conf/augment_methods.yaml");
            assertError(r, message);
            assertThat(r.err().lines().count()).as(r.err()).isEqualTo(1);
            assertThat(dir.resolve("l")).doesNotExist();
            assertThat(dir.resolve("out")).doesNotExist();
        }
    }

    @Test
    void exit2OfAWorkerIsBadInputAndIsNotRetried() throws IOException {
        LaunchFixture f = fixture(2, "/bin/sh", worker("exit.sh"), "{shard}", "2", "0");
        CliRunner.Result r = launch(f, "--max-retries", "2");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("shard 0/2 failed: exit 2", "not retried: exit 2 means bad input").doesNotContain("retry 1 of 2");
        assertThat(f.runState().orElseThrow().shard(0).orElseThrow().attempts).isEqualTo(1);
    }

    @Test
    void anOutputRootThatIsAFileIsRefusedBeforeAnythingRuns() throws IOException {
        LaunchFixture f = fixture(2, "/bin/sh", worker("exit.sh"), "{shard}", "{output_root}");
        Path file = Files.writeString(dir.resolve("taken"), "x");
        for (String mode : List.of("--dry-run", "--jobs=1")) {
            assertError(launch(f, mode, "--output-root", file.toString()),
                    "output root (output_root) " + file + " is a file, not a folder");
            assertError(launch(f, mode, "--output-root", file + "/sub"),
                    "output root (output_root) " + file + "/sub (" + file + ") is a file, not a folder");
            assertError(launch(f, mode, "--cache-dir", file.toString()), "cache directory (cache_dir) " + file + " is a file");
        }
        assertThat(f.logDir).doesNotExist();
    }

    @Test
    void helpExplainsEveryOption() {
        CliRunner.Result r = CliRunner.run("launch", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("--num-shards", "--jobs", "--dry-run", "--shards", "--retry-failed", "--max-retries",
                "--force", "--merge", "--threads-per-shard", "--grace-period", "--log-dir", "--cache-dir", "--output-root",
                "--input", "--methods", "--seed", "--combo-mode", "--config", "130 interrupted by SIGINT");
        assertThat(CliRunner.run("stop", "--help").out()).contains("--log-dir", "--grace-period", "Exits 0");
        // grouped under headings, in this order; the Slurm-only options last, help and version under "Other"
        List<String> headings = r.out().lines().filter(l -> l.endsWith(":") && !l.startsWith(" ")).toList();
        assertThat(headings).containsSubsequence("Shards:", "Run control:", "Worker (its template's placeholders):",
                "Slurm (with --executor slurm):", "Other options:");
        String out = r.out(); // (the usage line above the lists names every option too)
        java.util.regex.Matcher partition = java.util.regex.Pattern.compile("--partition=NAME +Slurm").matcher(out);
        assertThat(partition.find()).isTrue(); // the option column's width follows the longest option that fits it
        assertThat(partition.start()).isGreaterThan(out.indexOf("Slurm (with"));
        assertThat(out.indexOf("--nice=N  ")).isBetween(out.indexOf("Shards:"), out.indexOf("Run control:"));
        assertThat(out.indexOf("-V, --version")).isGreaterThan(out.indexOf("Other options:"));
    }

    @Test
    void enumOptionsCompleteTheirValues() {
        String script = CliRunner.run("completion", "bash").out();
        assertThat(script).contains("(\"local\" \"slurm\") # --executor values",
                "(\"singletons\" \"pairs\") # --combo-mode values", "(\"parquet\" \"csv\" \"jsonl\") # --save-format values");
        assertThat(CliRunner.run("--help").out()).contains("129 launch's terminal hung up (SIGHUP)");
    }

    @Test
    void usageErrorsAreExit2WithTheReason() throws IOException {
        LaunchFixture f = fixture(3, "/bin/sh", worker("exit.sh"), "{shard}");
        assertError(launch(f, "--shards", "1,7"), "--shards '1,7': shard 7 is out of range 0-2");
        assertError(launch(f, "--shards", "3-1"), "goes backwards");
        assertError(launch(f, "--shards", "x"), "'x' is not a shard index");
        assertError(launch(f, "--jobs", "0"), "--jobs must be at least 1, got 0");
        assertError(launch(f, "--num-shards", "0"), "--num-shards must be at least 1, got 0");
        assertError(launch(f, "--max-retries", "-1"), "--max-retries must be >= 0");
        assertError(launch(f, "--grace-period", "-1"), "--grace-period must be >= 0");
        assertError(launch(f, "--combo-mode", "triples"), "Invalid value for option '--combo-mode': expected one of singletons, pairs, got 'triples'");
        assertError(launch(f, "--executor", "pbs"), "Invalid value for option '--executor': expected one of local, slurm, got 'pbs'");
        assertError(launch(f, "--no-wait"), "--no-wait needs --executor slurm");
        assertError(launch(f, "--retry-failed"), "--retry-failed: there is no run state");
        assertError(CliRunner.run("launch", "--config", dir.resolve("nope.yaml").toString()), "config file not found");
        assertThat(f.logDir).doesNotExist();
    }

    @Test
    void templateAndFileErrorsNameTheirCause() throws IOException {
        LaunchFixture f = fixture(2, "/bin/sh", worker("exit.sh"), "--x={shrad}");
        assertError(launch(f), f.config + ": worker.command: unknown placeholder {shrad} in '--x={shrad}' (did you mean {shard}?)");
        fixture(2, "/bin/sh", "--force-{force}");
        assertError(launch(f), "unknown placeholder {force}", "must be a token by itself");
        fixture(2, "no-such-worker-program", "{shard}");
        assertError(launch(f, "--dry-run"), "'no-such-worker-program' is not found on PATH");
        fixture(2, "/bin/sh", worker("exit.sh"), "{input}", "{methods}");
        assertError(launch(f, "--dry-run", "--input", dir.resolve("none.csv").toString()), "input file not found: " + dir.resolve("none.csv"));
        assertError(launch(f, "--dry-run", "--input", "pom.xml", "--methods", dir.toString()), "methods file not found", "(it is a directory)");
        assertThat(f.logDir).doesNotExist();
    }

    private static void assertError(CliRunner.Result r, String... expected) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains(expected);
        assertThat(r.err().lines().filter(l -> l.startsWith("augctl: error:") || l.contains("must") || l.contains("not")).count())
                .isGreaterThanOrEqualTo(1);
    }
}
