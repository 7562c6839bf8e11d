package dev.augctl;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs augctl in-process with captured stdout and stderr, as the tests' one way to call the CLI. */
public final class CliRunner {
    /** What one run printed and returned. */
    public record Result(int exitCode, String out, String err) {
    }

    private CliRunner() {
    }

    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }
}
