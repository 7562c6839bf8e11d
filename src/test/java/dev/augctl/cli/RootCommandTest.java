package dev.augctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.augctl.CliRunner;
import org.junit.jupiter.api.Test;

class RootCommandTest {

    @Test
    void helpListsCommandsAndExitCodes() {
        CliRunner.Result r = CliRunner.run("--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Usage: augctl", "completion", "Exit codes: 0 success");
    }

    @Test
    void versionComesFromTheBuild() {
        CliRunner.Result r = CliRunner.run("--version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("augctl ").doesNotContain("unknown").doesNotContain("${");
    }

    @Test
    void unknownCommandIsUsageErrorWithExit2() {
        CliRunner.Result r = CliRunner.run("lunch");
        assertThat(r.exitCode()).isEqualTo(2);
        // With a close command name picocli suggests it instead of printing the usage.
        assertThat(r.err()).contains("Unmatched argument", "'lunch'", "Did you mean: augctl launch?");
        CliRunner.Result far = CliRunner.run("xyzzy");
        assertThat(far.exitCode()).isEqualTo(2);
        assertThat(far.err()).contains("Unmatched argument", "'xyzzy'", "Usage: augctl");
    }

    @Test
    void aSubcommandsUsageErrorIsOneLineAndAPointerToItsHelpNotTheWholeOptionList() {
        CliRunner.Result r = CliRunner.run("launch", "--num-shards", "0");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("augctl: error: --num-shards must be at least 1, got 0\n"
                + "Run 'augctl launch --help' for its options.\n");
        CliRunner.Result option = CliRunner.run("monitor", "--frobnicate");
        assertThat(option.exitCode()).isEqualTo(2);
        assertThat(option.err()).startsWith("augctl: error: Unknown option: '--frobnicate'").doesNotContain("Usage:");
    }

    @Test
    void unknownOptionIsUsageErrorWithExit2() {
        CliRunner.Result r = CliRunner.run("--frobnicate");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown option: '--frobnicate'");
    }

    @Test
    void noCommandIsUsageError() {
        CliRunner.Result r = CliRunner.run();
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Missing required subcommand");
    }

    @Test
    void completionPrintsABashScriptForAugctl() {
        CliRunner.Result r = CliRunner.run("completion");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("#!/usr/bin/env bash").contains("complete -F", "augctl");
        assertThat(CliRunner.run("completion", "zsh").exitCode()).isZero();
        CliRunner.Result bad = CliRunner.run("completion", "fish");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("unknown shell 'fish'");
    }

    @Test
    void aCommandLineThatNamesACommandBuildsThatCommandAloneAndTheRestGetEveryCommand() {
        assertThat(AugctlCommand.commandsFor("generate", "--input", "x.csv")).containsExactly(GenerateCommand.class);
        assertThat(AugctlCommand.commandsFor("-v", "merge")).containsExactly(MergeCommand.class);
        assertThat(AugctlCommand.commandsFor()).isEqualTo(AugctlCommand.COMMANDS);
        assertThat(AugctlCommand.commandsFor("--help")).isEqualTo(AugctlCommand.COMMANDS);
        assertThat(AugctlCommand.commandsFor("lunch")).isEqualTo(AugctlCommand.COMMANDS); // for its suggestion
        assertThat(AugctlCommand.commandsFor("completion")).isEqualTo(AugctlCommand.COMMANDS); // it completes them all
        // a command built alone still parses, runs and explains itself as in the whole tree
        CliRunner.Result help = CliRunner.run("merge", "--help"); // (-v would stay on for the tests after this one)
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).startsWith("Usage: augctl merge");
        assertThat(CliRunner.run("completion").out()).contains("launch", "monitor", "merge", "generate", "stop");
    }
}
