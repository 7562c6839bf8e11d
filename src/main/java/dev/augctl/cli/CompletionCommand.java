package dev.augctl.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Prints the shell completion script for bash and zsh. */
@Command(name = "completion",
        description = {
            "Print the shell completion script for bash or zsh.",
            "",
            "bash:  source <(augctl completion)",
            "zsh:   autoload -U +X compinit && compinit; autoload -U +X bashcompinit && bashcompinit;",
            "       source <(augctl completion zsh)"
        })
public final class CompletionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "SHELL", defaultValue = "bash",
            description = "bash or zsh (one script serves both).",
            completionCandidates = Shells.class)
    String shell;

    static final class Shells extends java.util.ArrayList<String> {
        Shells() {
            super(java.util.List.of("bash", "zsh"));
        }
    }

    @Override
    public Integer call() {
        if (!shell.equals("bash") && !shell.equals("zsh")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "unknown shell '" + shell + "': expected bash or zsh");
        }
        spec.commandLine().getOut().print(AutoComplete.bash("augctl", spec.root().commandLine()));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
