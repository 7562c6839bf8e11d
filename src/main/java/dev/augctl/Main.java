package dev.augctl;

import dev.augctl.cli.AugctlCommand;
import dev.augctl.cli.Choices;
import dev.augctl.cli.HelpSections;
import dev.augctl.common.AugctlException;
import dev.augctl.common.ExitCode;
import dev.augctl.common.Logging;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Entry point: the only place that calls {@code System.exit}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = run(out, err, args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs one augctl command line and returns its exit code; testable without a new JVM. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return commandLine(out, err, args).execute(args);
    }

    /**
     * The configured command tree, with augctl's output streams and error mapping: the commands that
     * {@code args} needs ({@link AugctlCommand#commandsFor}), every command without them.
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cmd = new CommandLine(new AugctlCommand());
        for (Class<?> c : AugctlCommand.commandsFor(args)) {
            cmd.addSubcommand(c);
        }
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        Choices.register(cmd);
        HelpSections.install(cmd);
        cmd.setExecutionExceptionHandler(Main::handleExecutionException);
        cmd.setParameterExceptionHandler(Main::handleParameterException);
        return cmd;
    }

    /**
     * A usage error: its one line, then a suggestion when picocli has one ("Did you mean ..."), else
     * the root usage when no command was recognised (it lists the commands), else a pointer to the
     * command's --help rather than its whole option list, which would push the error off the screen.
     */
    private static int handleParameterException(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("augctl: error: " + e.getMessage());
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, err)) {
            if (cmd.getParent() == null) {
                cmd.usage(err);
            } else {
                err.println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for its options.");
            }
        }
        err.flush();
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** Maps an exception thrown by a command to a one-line message and an exit code. */
    private static int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        if (e instanceof java.io.IOException io) {
            e = AugctlException.io(io); // a full or read-only disk: one line naming the path
        } else if (e instanceof java.io.UncheckedIOException io) {
            e = AugctlException.io(io.getCause());
        }
        if (e instanceof AugctlException ae) {
            err.println("augctl: error: " + ae.getMessage());
            if (Logging.verbose() && ae.getCause() != null) {
                ae.getCause().printStackTrace(err);
            }
            err.flush();
            return ae.exitCode();
        }
        err.println("augctl: internal error: " + e + (Logging.verbose() ? "" : " (run with --verbose for details)"));
        if (Logging.verbose()) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCode.FAILED;
    }
}
