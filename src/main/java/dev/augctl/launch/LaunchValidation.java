package dev.augctl.launch;

import dev.augctl.common.AugctlException;
import dev.augctl.common.ShardPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The checks made before anything runs (and all that --dry-run can check) that concern the launch
 * itself: files the template names, the folders it will write, the worker program. Each failure is
 * exit 2. Value ranges are checked with the configuration ({@code config.ConfigChecks}); the
 * built-in worker's own inputs by the worker's code, called from the command.
 */
public final class LaunchValidation {
    private LaunchValidation() {
    }

    public static void check(LaunchSettings s, WorkerTemplate template) {
        Path runFile = ShardPaths.runState(s.logDir);
        if (s.retryFailed && !Files.exists(runFile)) {
            throw AugctlException.badInput("--retry-failed: there is no run state " + runFile + " to retry from");
        }
        if (template.uses("input")) {
            requireFile("input", s.config.input);
        }
        if (template.uses("methods")) {
            requireFile("methods", s.config.methods);
        }
        requireWritableFolder("log directory (log_dir)", s.logDir);
        requireWritableFolder("cache directory (cache_dir)", s.cacheDir);
        if (template.uses("output_root")) {
            requireWritableFolder("output root (output_root)", s.config.outputRoot);
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

    /**
     * A folder that exists and can be written, or that can be created: its nearest existing
     * ancestor is a writable folder (not a file).
     */
    static void requireWritableFolder(String what, Path dir) {
        Path existing = dir.toAbsolutePath().normalize();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return; // nothing of the path exists, not even the root: let the write say why
        }
        String shown = existing.equals(dir.toAbsolutePath().normalize()) ? dir.toString() : dir + " (" + existing + ")";
        if (!Files.isDirectory(existing)) {
            throw AugctlException.badInput(what + " " + shown + " is a file, not a folder; "
                    + "choose another path or move the file away");
        }
        if (!Files.isWritable(existing)) {
            throw AugctlException.badInput(what + " " + shown + " is not writable (check its permissions)");
        }
    }
}
