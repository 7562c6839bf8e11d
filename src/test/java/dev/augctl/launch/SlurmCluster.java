package dev.augctl.launch;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The Slurm cluster the Slurm tests run against (scripts/slurm-local.sh starts a one-node one). Without
 * one the tests are skipped with the reason; with CI=true they fail instead, as a skipped Slurm test in
 * CI would hide that the executor was never tested.
 */
public final class SlurmCluster {
    private SlurmCluster() {
    }

    /** Skips (or, in CI, fails) the calling test unless sinfo answers with a partition that is up. */
    public static void require() {
        String why = unavailable();
        if (why == null) {
            return;
        }
        String message = "Slurm is not available (" + why + "); start it with scripts/slurm-local.sh start";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message + " (CI=true: a Slurm test may not be skipped)");
        }
        Assumptions.assumeTrue(false, message);
    }

    private static String unavailable() {
        try {
            Result r = run("sinfo", "--noheader", "--format=%a");
            if (r.code != 0) {
                return "sinfo failed: " + r.output.strip();
            }
            return r.output.lines().anyMatch(l -> l.strip().equals("up")) ? null : "no partition is up";
        } catch (IOException e) {
            return "sinfo cannot be run: " + e.getMessage();
        }
    }

    /** The tasks of this job that squeue still shows (pending, running or completing). */
    static List<String> queued(String jobId) throws IOException {
        Result r = run("squeue", "--noheader", "--array", "--jobs=" + jobId, "--format=%i %T");
        List<String> tasks = new ArrayList<>();
        r.output.lines().map(String::strip).filter(l -> l.startsWith(jobId + "_")).forEach(tasks::add);
        return tasks;
    }

    /** Every job of this name squeue knows, ended ones included. */
    static List<String> jobsNamed(String name) throws IOException {
        Result r = run("squeue", "--noheader", "--states=all", "--name=" + name, "--format=%i");
        return r.output.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private record Result(int code, String output) {
    }

    private static Result run(String... cmd) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(cmd[0] + " did not answer within 30 s");
            }
            return new Result(p.exitValue(), out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
