package dev.augctl.cli;

import dev.augctl.common.AugctlException;
import dev.augctl.common.ExitCode;
import dev.augctl.common.Logging;
import dev.augctl.common.ShardPaths;
import dev.augctl.config.AugctlConfig;
import dev.augctl.config.ConfigChecks;
import dev.augctl.config.ScheduleMode;
import dev.augctl.generate.Columns;
import dev.augctl.common.ComboMode;
import dev.augctl.generate.GenerateSettings;
import dev.augctl.generate.GenerateWorker;
import dev.augctl.common.SaveFormat;
import dev.augctl.generate.Schedule;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code augctl generate}: the built-in shard worker. Flags only (it does not read conf/augctl.yaml:
 * the launcher passes every setting), so that it follows the generate_augsets.py contract exactly.
 */
@Command(name = "generate",
        description = {
            "The built-in worker: generate the augmented datasets of one shard's combos.",
            "Writes <output-root>/<combo>/dataset.<format> + meta.json per combo and",
            "<output-root>/manifest_shard<I>_of_<N>.csv; logs progress on stdout (see docs/WORKER.md).",
            "A complete combo with the same parameters is skipped unless --force.",
        })
public final class GenerateCommand implements Callable<Integer> {
    /** The run mark launch gives every shard (launch's RunTag): the shards of one run share their claims. */
    private static final String RUN_ID_VARIABLE = "AUGCTL_RUN_ID";

    @Spec
    CommandSpec spec;

    @Option(names = "--input", paramLabel = "CSV", defaultValue = "data/sample/redsm5_sample.csv",
            description = "Input CSV with a header row.")
    Path input;

    @Option(names = "--methods", paramLabel = "YAML", defaultValue = "conf/augment_methods.yaml",
            description = "The augmentation methods file.")
    Path methods;

    @Option(names = "--output-root", paramLabel = "DIR", defaultValue = "data/processed/augsets",
            description = "Where the combo folders and the shard manifest go.")
    Path outputRoot;

    @Option(names = "--text-col", paramLabel = "C", defaultValue = "sentence_text",
            description = "Column of the text to augment.")
    String textCol;

    @Option(names = "--evidence-col", paramLabel = "C", defaultValue = "sentence_text",
            description = "Column whose text, when found inside the text, is left unchanged; "
                    + "no effect when it is the text column.")
    String evidenceCol;

    @Option(names = "--criterion-col", paramLabel = "C", defaultValue = "DSM5_symptom",
            description = "Column of the criterion; must exist, copied as is.")
    String criterionCol;

    @Option(names = "--label-col", paramLabel = "C", defaultValue = "status",
            description = "Column of the label; must exist, copied as is.")
    String labelCol;

    @Option(names = "--id-col", paramLabel = "C", defaultValue = "sentence_id",
            description = "Column of the unique row id; seeds the randomness and becomes source_id.")
    String idCol;

    @Option(names = "--variants-per-sample", paramLabel = "K", defaultValue = "2",
            description = "Variants per input row and combo, at most.")
    int variants;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
            description = "Random seed; with the same inputs the datasets are identical.")
    long seed;

    @Option(names = "--quality-min-sim", paramLabel = "X", defaultValue = "0.55",
            description = "Lowest similarity of a kept variant to its original, 0..1.")
    double minSim;

    @Option(names = "--quality-max-sim", paramLabel = "Y", defaultValue = "0.95",
            description = "Highest similarity of a kept variant, X..1.")
    double maxSim;

    @Option(names = "--combo-mode", paramLabel = "MODE", defaultValue = "singletons",
            description = "singletons (one method per combo) or pairs (two methods in sequence).")
    ComboMode comboMode;

    @Option(names = "--num-proc", paramLabel = "P", defaultValue = "1",
            description = "Worker threads in this shard.")
    int numProc;

    @Option(names = "--save-format", paramLabel = "FORMAT", defaultValue = "parquet",
            description = "parquet, csv or jsonl.")
    SaveFormat saveFormat;

    @Option(names = "--shard-index", paramLabel = "I", defaultValue = "0",
            description = "This shard's index, 0..N-1.")
    int shardIndex;

    @Option(names = "--num-shards", paramLabel = "N", defaultValue = "1",
            description = "Number of shards; combo k belongs to shard k mod N.")
    int numShards;

    @Option(names = "--cache-db", paramLabel = "PATH",
            description = "SQLite cache of augmentation results (default: data/cache/augment_shard<I>.db, by --shard-index).")
    Path cacheDb;

    @Option(names = "--force", description = "Regenerate complete combos too.")
    boolean force;

    @Option(names = "--max-text-chars", paramLabel = "N", defaultValue = "" + GenerateSettings.DEFAULT_MAX_TEXT_CHARS,
            description = "A row whose text is longer than N characters is not augmented (no variants; counted as "
                    + "long_texts in meta.json, one warning); 0: no limit.")
    int maxTextChars;

    @Option(names = "--schedule", paramLabel = "S", defaultValue = "static",
            description = "static: combo k runs in shard k mod N. dynamic: shards claim combos one at a time, "
                    + "longest estimated first, under <output-root>/.claims (shards of one run share "
                    + "AUGCTL_RUN_ID; see docs/WORKER.md). Default: ${DEFAULT-VALUE}; augctl launch passes dynamic.")
    ScheduleMode schedule;

    @Option(names = "--history", paramLabel = "JSONL",
            description = "Duration history for the dynamic schedule's estimates (augctl launch passes <log-dir>/history.jsonl).")
    Path history;

    @Option(names = "--input-table", paramLabel = "FILE",
            description = "The input as augctl launch read it (<log-dir>/input.table): its cells, types and SHA-256, "
                    + "used instead of parsing and hashing the CSV again when it was made from this --input, unchanged "
                    + "since, with these column roles; otherwise the CSV is read.")
    Path inputTable;

    @Override
    public Integer call() throws Exception {
        GenerateSettings settings = settings();
        Schedule sched = schedule();
        Logging.setWorkerOutput(spec.commandLine().getOut());
        // Not a static field: picocli loads this class for --help, which must not start Logback.
        Logger log = LoggerFactory.getLogger(GenerateWorker.class);
        try {
            new GenerateWorker(settings, sched).run();
            return ExitCode.OK;
        } catch (AugctlException e) {
            log.error(e.getMessage());
            throw e;
        } catch (java.io.IOException e) {
            AugctlException named = AugctlException.io(e); // one line naming the path and the cause
            log.error(named.getMessage());
            throw named;
        } catch (Exception e) {
            log.error(String.valueOf(e));
            throw AugctlException.failed(e.toString(), e);
        }
    }

    private GenerateSettings settings() {
        require(shardIndex >= 0 && (numShards < 1 || shardIndex < numShards),
                "--shard-index must be in [0, " + numShards + "), got " + shardIndex);
        checkRanges();
        Path cache = cacheDb != null ? cacheDb : ShardPaths.cache(Path.of("data/cache"), shardIndex);
        return new GenerateSettings(input, methods, outputRoot,
                new Columns(textCol, evidenceCol, criterionCol, labelCol, idCol),
                variants, seed, minSim, maxSim, comboMode, numProc, saveFormat, shardIndex, numShards, cache, force,
                maxTextChars, inputTable);
    }

    /** The value rules of the launch configuration ({@link ConfigChecks}), applied to this worker's flags. */
    private void checkRanges() {
        AugctlConfig c = new AugctlConfig();
        c.numShards = numShards;
        c.variantsPerSample = variants;
        c.qualityMinSim = minSim;
        c.qualityMaxSim = maxSim;
        c.numProc = numProc;
        c.maxTextChars = maxTextChars;
        ConfigChecks.first(c).ifPresent(p -> {
            throw new ParameterException(spec.commandLine(), p.describe(ConfigChecks::flag)); // all of them are flags here
        });
    }

    private Schedule schedule() {
        String runId = System.getenv(RUN_ID_VARIABLE);
        return new Schedule(schedule == ScheduleMode.DYNAMIC, history,
                runId == null || runId.isBlank() ? Schedule.STANDALONE_RUN : runId);
    }

    private void require(boolean ok, String message) {
        if (!ok) {
            throw new ParameterException(spec.commandLine(), message);
        }
    }
}
