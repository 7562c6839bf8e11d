package dev.augctl.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.augctl.Main;
import dev.augctl.common.ShellQuote;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every `augctl …` command line of a shell code block in README.md and docs/ parses with the real command tree, so no
 * example names an option or command that does not exist (the main ones also run for real in the
 * end-to-end tests).
 */
class DocExamplesTest {

    @Test
    void everyDocumentedCommandLineParses() throws IOException {
        List<Path> documents = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Path doc : documents) {
            List<String> lines = Files.readAllLines(doc);
            String fence = null; // the language of the code block we are in, "" when untagged
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.startsWith("```")) {
                    fence = fence == null ? line.substring(3).strip() : null;
                    continue;
                }
                // Shell blocks hold examples; untagged blocks hold diagrams and sample output.
                boolean shell = fence != null && List.of("bash", "sh", "shell", "console").contains(fence);
                List<String> args = shell ? example(line) : null;
                if (args == null) {
                    continue;
                }
                checked++;
                String problem = parse(args);
                if (problem != null) {
                    problems.add(doc + ":" + (i + 1) + ": " + line + "\n    -> " + problem);
                }
            }
        }
        assertThat(checked).as("documented augctl command lines").isGreaterThan(40);
        if (!problems.isEmpty()) {
            fail("documented examples that do not parse:\n" + String.join("\n", problems));
        }
    }

    /** The arguments of an `augctl ARGS` (or `bin/augctl ARGS`) example line, or null if it is not one. */
    static List<String> example(String line) {
        String s = line.startsWith("$ ") ? line.substring(2) : line;
        if (!s.startsWith("augctl ") && !s.startsWith("bin/augctl ")) {
            return null;
        }
        for (String end : new String[] {" #", " &&", " |", ";", " >"}) {
            int at = s.indexOf(end);
            if (at >= 0) {
                s = s.substring(0, at);
            }
        }
        if (s.contains("<") || s.contains("…") || s.contains("...") || s.endsWith("\\")) {
            return null; // a placeholder or a continued line, not a literal example
        }
        List<String> words;
        try {
            words = ShellQuote.split(s);
        } catch (IllegalArgumentException unclosedQuote) {
            return null; // prose, not a command
        }
        return words.subList(1, words.size());
    }

    private static String parse(List<String> args) {
        CommandLine cmd = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        try {
            CommandLine.ParseResult result = cmd.parseArgs(args.toArray(String[]::new));
            if (!args.isEmpty() && !args.get(0).startsWith("-") && !result.hasSubcommand()) {
                return "no such command: " + args.get(0);
            }
            return null;
        } catch (CommandLine.ParameterException e) {
            return e.getMessage();
        }
    }
}
