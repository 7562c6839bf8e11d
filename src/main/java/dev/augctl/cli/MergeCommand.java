package dev.augctl.cli;

import dev.augctl.common.ExitCode;
import dev.augctl.config.AugctlConfig;
import dev.augctl.merge.ManifestMerger;
import dev.augctl.merge.MergeReport;
import dev.augctl.merge.MergeSettings;
import dev.augctl.merge.ReportFormatter;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code augctl merge}: validates and concatenates the shard manifests, then prints statistics. */
@Command(name = "merge", sortOptions = false,
        description = {
            "Validate the shard manifests (manifest_shard<I>_of_<N>.csv) under the output root and concatenate "
                + "them, in shard order, into one manifest; then print statistics.",
            "On any error nothing is written and nothing is deleted (exit 2). The shard manifests are deleted "
                + "only after the merged file is complete, unless --keep-shards."
        },
        footer = {"",
            "Exit codes: 0 merged; 1 --verify found datasets that do not match (nothing written) or an I/O error;",
            "            2 invalid or incomplete manifests, or a bad option (nothing written)."})
public final class MergeCommand extends BaseCommand {
    @Option(names = "--output-root", paramLabel = "DIR",
            description = "Folder holding the shard manifests and the datasets (default: output_root in the config, "
                    + "built-in data/processed/augsets).")
    Path outputRoot;

    @Option(names = "--output-name", paramLabel = "NAME",
            description = "File name of the merged manifest, written under the output root (default: "
                    + "merge.output_name in the config, built-in manifest_final.csv).")
    String outputName;

    @Option(names = "--key-column", paramLabel = "COLUMN",
            description = "Column naming a combo; each value must appear once across all shards (default: "
                    + "merge.key_column in the config, built-in combo).")
    String keyColumn;

    @Option(names = "--rows-column", paramLabel = "COLUMN",
            description = "Column with a combo's row count, a non-negative integer (default: merge.rows_column "
                    + "in the config, built-in rows).")
    String rowsColumn;

    @Option(names = "--path-column", paramLabel = "COLUMN",
            description = "Column with the dataset path, relative to the output root or absolute; read by "
                    + "--verify (default: merge.path_column in the config, built-in path).")
    String pathColumn;

    @Option(names = "--keep-shards", description = "Keep the shard manifests after merging (default: delete them).")
    boolean keepShards;

    @Option(names = "--allow-missing",
            description = "Merge even if some shard indices 0..N-1 have no manifest (they are reported).")
    boolean allowMissing;

    @Option(names = "--verify",
            description = "Before writing, check each row's dataset exists and holds 'rows' rows (Parquet footer, "
                    + "JSON Lines lines, CSV records); on a mismatch list them all, write nothing, exit 1.")
    boolean verify;

    @Option(names = "--json", description = "Print the statistics as one JSON document on stdout.")
    boolean json;

    @Override
    protected int doCall() {
        AugctlConfig c = config();
        if (outputRoot != null) {
            c.outputRoot = outputRoot;
        }
        AugctlConfig.Merge m = c.merge;
        m.outputName = outputName != null ? outputName : m.outputName;
        m.keyColumn = keyColumn != null ? keyColumn : m.keyColumn;
        m.rowsColumn = rowsColumn != null ? rowsColumn : m.rowsColumn;
        m.pathColumn = pathColumn != null ? pathColumn : m.pathColumn;
        return mergeAndReport(settings(c, keepShards, allowMissing, verify), json, out(), err());
    }

    /** The merge settings of a configuration (flags already written into it). */
    static MergeSettings settings(AugctlConfig c, boolean keepShards, boolean allowMissing, boolean verify) {
        AugctlConfig.Merge m = c.merge;
        return new MergeSettings(c.outputRoot, m.outputName, m.keyColumn, m.rowsColumn, m.pathColumn,
                keepShards, allowMissing, verify);
    }

    /** Merges, prints the report (text or JSON) and any warnings, and returns the exit code; also used by launch --merge. */
    static int mergeAndReport(MergeSettings settings, boolean json, PrintWriter out, PrintWriter err) {
        MergeReport report = new ManifestMerger().merge(settings);
        if (!report.missingShards().isEmpty()) {
            err.println("augctl: warning: merged without the manifests of shard(s) "
                    + report.missingShards() + " of N=" + report.numShards() + " (--allow-missing)");
        }
        out.print(json ? ReportFormatter.json(report) : ReportFormatter.text(report));
        out.flush();
        if (report.verificationFailed()) {
            for (MergeReport.VerifyFailure f : report.verification().failures()) {
                err.println("augctl: verify: " + f.describe());
            }
            err.println("augctl: error: --verify: " + report.verification().failures().size() + " of "
                    + report.verification().checked() + " datasets do not match their manifest rows; "
                    + report.output() + " not written, shard manifests kept");
            err.flush();
            return ExitCode.FAILED;
        }
        return ExitCode.OK;
    }
}
