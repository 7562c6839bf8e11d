package dev.augctl.launch.slurm;

import dev.augctl.common.AugctlException;
import dev.augctl.launch.BuiltinWorker;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Runs Slurm's command-line tools ({@code sbatch}, {@code scancel}) as argv lists, with timeouts. */
final class Sbatch {
    static final String NOT_FOUND = "sbatch not found: run this on a Slurm login node or use --executor local";

    private Sbatch() {
    }

    /** {@code sbatch --parsable --array=SPEC [extra_args...] SCRIPT}. */
    static List<String> command(SlurmSettings s, String array, Path script) {
        List<String> cmd = new ArrayList<>(List.of("sbatch", "--parsable", "--array=" + array));
        cmd.addAll(s.extraArgs);
        cmd.add(script.toString());
        return cmd;
    }

    /** "0-6%7" for a contiguous range, else "2,5%2"; the throttle is left out when it allows them all. */
    static String arraySpec(SortedSet<Integer> indices, int jobs) {
        int first = indices.first();
        int last = indices.last();
        String spec = last - first + 1 == indices.size()
                ? (first == last ? Integer.toString(first) : first + "-" + last)
                : indices.stream().map(String::valueOf).collect(Collectors.joining(","));
        return jobs < indices.size() ? spec + "%" + jobs : spec;
    }

    /** Exit 2 with the exact message when sbatch is not on PATH. */
    static void requireSbatch() {
        if (!BuiltinWorker.resolvable("sbatch")) {
            throw AugctlException.badInput(NOT_FOUND);
        }
    }

    /**
     * Asks sbatch to validate the options without submitting ({@code --test-only}, the script's
     * {@code #SBATCH} lines given on stdin): an unknown partition, a bad time limit and the like are
     * exit 2 with Slurm's own message before anything is written.
     */
    static void testOnly(SlurmSettings s) {
        requireSbatch();
        StringBuilder script = new StringBuilder("#!/bin/sh\n");
        for (String d : s.directives()) {
            script.append("#SBATCH ").append(d).append('\n');
        }
        script.append("exit 0\n");
        List<String> cmd = new ArrayList<>(List.of("sbatch", "--test-only", "--array=0"));
        cmd.addAll(s.extraArgs);
        Result r = run(cmd, script.toString());
        if (r.code() != 0) {
            throw AugctlException.badInput("sbatch refused the job: " + r.oneLine());
        }
    }

    /** Submits; returns the job id. A refusal is exit 2 with Slurm's message. */
    static String submit(List<String> cmd) {
        Result r = run(cmd, null);
        if (r.code() != 0) {
            throw AugctlException.badInput("sbatch refused the job: " + r.oneLine());
        }
        String id = r.output().trim().lines().reduce((a, b) -> b).orElse("");
        int semicolon = id.indexOf(';'); // "12;cluster" on a federation
        id = semicolon < 0 ? id : id.substring(0, semicolon);
        if (!id.matches("\\d+")) {
            throw AugctlException.failed("sbatch printed no job id: " + r.oneLine(), null);
        }
        return id;
    }

    /** {@code scancel [--signal=KILL --full] JOBID}; errors (already gone) are ignored. */
    static void scancel(String jobId, boolean kill) {
        List<String> cmd = new ArrayList<>(List.of("scancel"));
        if (kill) {
            cmd.addAll(List.of("--signal=KILL", "--full"));
        }
        cmd.add(jobId);
        run(cmd, null);
    }

    record Result(int code, String output) {
        String oneLine() {
            String text = output.strip().replaceAll("\\s*\\n\\s*", "; ");
            return text.isEmpty() ? "exit status " + code : text;
        }
    }

    static Result run(List<String> cmd, String stdin) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            try (OutputStream in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, cmd.get(0) + " did not answer within 60 s");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            if (cmd.get(0).equals("sbatch")) {
                throw AugctlException.badInput(NOT_FOUND, e);
            }
            return new Result(-1, cmd.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, cmd.get(0) + " interrupted");
        }
    }
}
