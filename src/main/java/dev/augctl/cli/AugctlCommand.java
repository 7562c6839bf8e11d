package dev.augctl.cli;

import dev.augctl.common.Logging;
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
        },
        subcommands = {
            LaunchCommand.class,
            MonitorCommand.class,
            MergeCommand.class,
            GenerateCommand.class,
            StopCommand.class,
            CompletionCommand.class,
        })
/* Not Runnable on purpose: `augctl` without a command is a usage error (exit 2) that lists them. */
public final class AugctlCommand {
    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Show debug logs and stack traces.")
    void setVerbose(boolean verbose) {
        Logging.setVerbose(verbose);
    }

}
