package dev.augctl.launch;

import dev.augctl.common.AugctlException;
import dev.augctl.generate.augment.MethodsFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The checks made before anything runs (and all that --dry-run can check): each failure is exit 2. */
public final class LaunchValidation {
    private LaunchValidation() {
    }

    public static void check(LaunchSettings s, WorkerTemplate template) {
        if (s.numShards < 1) {
            throw AugctlException.badInput("--num-shards must be at least 1, got " + s.numShards);
        }
        if (s.jobs < 1) {
            throw AugctlException.badInput("--jobs must be at least 1, got " + s.jobs);
        }
        java.nio.file.Path runFile = dev.augctl.common.ShardPaths.runState(s.logDir);
        if (s.retryFailed && !Files.exists(runFile)) {
            throw AugctlException.badInput("--retry-failed: there is no run state " + runFile + " to retry from");
        }
        if (template.uses("input")) {
            requireFile("input", s.config.input);
        }
        if (template.uses("methods")) {
            requireFile("methods", s.config.methods);
            if (template.usesBuiltinWorker()) {
                // Every shard of the built-in worker would fail on a bad methods file: say it once, now.
                MethodsFile.load(s.config.methods);
            }
        }
        List<String> argv = template.argv(0, s.numShards, Path.of("log"), Path.of("cache"));
        if (argv.isEmpty()) {
            throw AugctlException.badInput(s.configFile + ": worker.command is empty once {force} is dropped");
        }
        String program = argv.get(0);
        if (!BuiltinWorker.resolvable(program)) {
            throw AugctlException.badInput(s.configFile + ": worker.command: '" + program + "' is "
                    + (program.contains("/") ? "not an executable file" : "not found on PATH"));
        }
    }

    private static void requireFile(String what, Path file) {
        if (!Files.isRegularFile(file)) {
            throw AugctlException.badInput(what + " file not found: " + file
                    + (Files.isDirectory(file) ? " (it is a directory)" : ""));
        }
    }
}
