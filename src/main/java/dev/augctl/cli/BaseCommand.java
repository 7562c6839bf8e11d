package dev.augctl.cli;

import dev.augctl.config.AugctlConfig;
import dev.augctl.config.ConfigLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The shape of every subcommand that reads {@code conf/augctl.yaml}: parse options, load the
 * configuration once, hand a plain settings object to the core, return an exit code.
 */
public abstract class BaseCommand implements Callable<Integer> {
    @Spec
    protected CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration file; flags override it (default: ${DEFAULT-VALUE} if it exists, else built-in defaults).",
            defaultValue = "conf/augctl.yaml", showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER)
    protected Path configFile;

    private AugctlConfig config;

    @Override
    public final Integer call() throws Exception {
        return doCall();
    }

    /** The command's work; returns a constant of {@link dev.augctl.common.ExitCode}. */
    protected abstract int doCall() throws Exception;

    /** The configuration file's settings, over the built-in defaults (loaded once). */
    protected AugctlConfig config() {
        if (config == null) {
            boolean explicit = spec.commandLine().getParseResult().hasMatchedOption("--config");
            config = ConfigLoader.load(configFile, explicit);
        }
        return config;
    }

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
