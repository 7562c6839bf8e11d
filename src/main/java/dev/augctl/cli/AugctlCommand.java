package dev.augctl.cli;

import dev.augctl.common.Logging;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The root command: {@code augctl <command>}. Only commands that work are registered here. */
@Command(name = "augctl",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        showDefaultValues = true,
        usageHelpAutoWidth = true,
        scope = ScopeType.INHERIT,
        description = {
            "Run sharded text-augmentation jobs in parallel: launch the shards, watch them, merge "
                + "their manifests. Settings come from conf/augctl.yaml; flags override them.",
        },
        footer = {
            "",
            "Exit codes: 0 success, 1 the work failed, 2 bad usage or bad input,",
            "            129 launch's terminal hung up (SIGHUP), 130 interrupted (SIGINT),",
            "            143 terminated (SIGTERM).",
            "Run 'augctl COMMAND --help' for a command's options."
        })
/* Not Runnable on purpose: `augctl` without a command is a usage error (exit 2) that lists them. */
public final class AugctlCommand {
    /** The commands, in the order the root help lists them (added by {@link #commandsFor}). */
    public static final List<Class<?>> COMMANDS = List.of(LaunchCommand.class, MonitorCommand.class,
            MergeCommand.class, GenerateCommand.class, StopCommand.class, CompletionCommand.class);

    /**
     * The commands a command line needs: only the one it names when it names one (picocli reads every
     * option of every command it is given, a tenth of a second of a shard's start), else all of them
     * (the root help, a mistyped name's suggestions, completion).
     */
    public static List<Class<?>> commandsFor(String... args) {
        for (String a : args) {
            if (a.startsWith("-")) {
                continue; // a root option (none takes a value)
            }
            for (Class<?> c : COMMANDS) {
                if (c != CompletionCommand.class && c.getAnnotation(Command.class).name().equals(a)) {
                    return List.of(c);
                }
            }
            break;
        }
        return COMMANDS;
    }

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Show debug logs and stack traces.")
    void setVerbose(boolean verbose) {
        Logging.setVerbose(verbose);
    }

}
