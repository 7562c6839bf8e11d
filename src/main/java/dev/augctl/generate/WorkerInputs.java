package dev.augctl.generate;

import dev.augctl.common.AugctlException;
import dev.augctl.common.ComboMode;
import dev.augctl.generate.augment.MethodSpec;
import dev.augctl.generate.augment.MethodsFile;
import dev.augctl.generate.output.DatasetWriter;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The built-in worker's inputs, read and checked together: the methods file, the combos they make
 * and the input table. The worker reads them first; {@code launch} reads them once before it starts
 * any shard, so that bad input is one message instead of N failed shards, and writes the input as it
 * read it for the shards ({@link InputTableFile}). The input's SHA-256 is {@code input().sha256()}.
 * Errors are exit 2.
 */
public record WorkerInputs(List<MethodSpec> methods, ComboPlan plan, InputTable input) {
    /** The inputs, the input from {@code inputTable} when it serves {@code inputFile} (null: none given). */
    public static WorkerInputs load(Path methodsFile, ComboMode mode, Path inputFile, Columns columns, Path inputTable) {
        List<MethodSpec> methods = MethodsFile.load(methodsFile);
        ComboPlan plan = ComboPlan.of(methods, mode, methodsFile);
        if (inputTable != null) {
            InputTableFile.Read table = InputTableFile.read(inputTable, inputFile, columns);
            if (table.table() != null) {
                return new WorkerInputs(methods, plan, table.table()); // checked by the launcher
            }
            // a logger only here: launch checks the inputs too, and must not start Logback for it
            LoggerFactory.getLogger(WorkerInputs.class).info("input table {} not used ({}): reading {}",
                    inputTable, table.whyNot(), inputFile);
        }
        InputTable input = InputTable.read(inputFile, columns);
        if (input.size() == 0) {
            throw AugctlException.badInput("input " + inputFile + " has a header but no rows");
        }
        for (String extra : DatasetWriter.EXTRA_COLUMNS) {
            if (input.header().contains(extra)) {
                throw AugctlException.badInput("input " + inputFile + " has a column '" + extra
                        + "', which the datasets add themselves; rename it");
            }
        }
        return new WorkerInputs(methods, plan, input);
    }
}
