package dev.augctl.cli;

import dev.augctl.common.AugctlException;
import dev.augctl.common.ExitCode;
import dev.augctl.config.AugctlConfig;
import dev.augctl.monitor.Durations;
import dev.augctl.monitor.Monitor;
import dev.augctl.monitor.MonitorLoop;
import dev.augctl.monitor.MonitorSettings;
import dev.augctl.monitor.MonitorView;
import dev.augctl.monitor.PatternSet;
import dev.augctl.monitor.Status;
import dev.augctl.monitor.TableRenderer;
import dev.augctl.monitor.Terminal;
import dev.augctl.serve.DashboardServer;
import dev.augctl.serve.DashboardSettings;
import dev.augctl.serve.LiveRefresh;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code augctl monitor}: shows how every shard is doing, once or continuously. */
@Command(name = "monitor",
        description = {
            "Show each shard's state, progress, combos done, current combo, ETA and rows, read from the "
                + "shard logs (only their new bytes at each refresh) and from run.json when the launcher wrote one.",
            "The ETA counts the combos of this run (their rows, the same methods in other shards) and the durations "
                + "of earlier runs (history.jsonl in the log directory), scaled by this run's speed; ~ marks it rough "
                + "until a combo has finished (docs/MONITOR.md, \"ETA\").",
            "Where nvidia-smi is on PATH: each shard's GPU memory and SM %% (summed over its process tree) and a line "
                + "per GPU, read once per refresh with a 3 s deadline (docs/GPU.md).",
            "Without --follow: one snapshot, exit 0. With --follow: refresh until every shard has ended "
                + "(exit 0 if all succeeded, 1 otherwise) or Ctrl-C (exit 130)."
        })
public final class MonitorCommand extends BaseCommand {
    @Option(names = "--log-dir", paramLabel = "DIR",
            description = "Where the shard logs and run.json are (default: log_dir of the config, logs/augment).")
    Path logDir;

    @Option(names = "--num-shards", paramLabel = "N",
            description = "Number of shards, when there is no run.json (default: num_shards of the config if its logs "
                + "exist, else the shard_*_of_N.log files found).")
    Integer numShards;

    @Option(names = "--patterns", paramLabel = "FILE",
            description = "Regex patterns for the log lines (default: monitor.patterns of the config, conf/monitor.yaml; "
                + "built-in patterns when that file is absent).")
    Path patterns;

    @Option(names = "--interval", paramLabel = "DURATION",
            description = "Time between refreshes with --follow: seconds, or with a unit (500ms, 10s, 1m) "
                + "(default: monitor.interval of the config, 10 s).")
    String interval;

    @Option(names = "--stall-after", paramLabel = "DURATION",
            description = "A running shard whose log is silent this long counts as stalled (default: "
                + "monitor.stall_after of the config, 10m).")
    String stallAfter;

    @Option(names = {"-f", "--follow"}, description = "Refresh until every shard has ended.")
    boolean follow;

    @Option(names = "--json", description = "Print one JSON document per refresh (JSON lines).")
    boolean json;

    @Option(names = "--no-color", description = "No colours (also off with NO_COLOR set or when not a terminal).")
    boolean noColor;

    @Option(names = "--only", paramLabel = "STATE[,STATE...]", split = ",",
            description = "Show only shards in these states: running, finishing, stalled, pending, succeeded, failed, "
                + "interrupted (the summary still counts all).")
    java.util.List<String> only;

    @Option(names = "--serve", paramLabel = "PORT",
            description = "Serve the live dashboard (docs/DASHBOARD.md): PORT on 127.0.0.1, or HOST:PORT (port 0 picks "
                + "a free one), refreshing every --interval until Ctrl-C; with --follow the table is printed too.")
    String serve;

    @Option(names = "--ascii", description = "ASCII state marks (also when the locale's charset is not UTF-8).")
    boolean ascii;

    @Override
    protected int doCall() throws Exception {
        AugctlConfig c = config();
        Path dir = logDir != null ? logDir : c.logDir;
        if (numShards != null && numShards < 1) {
            throw new ParameterException(spec.commandLine(), "--num-shards must be at least 1, got " + numShards);
        }
        Duration every = duration("--interval", interval, c.monitor.interval, "monitor.interval");
        Duration stall = duration("--stall-after", stallAfter, c.monitor.stallAfter, "monitor.stall_after");
        boolean explicitPatterns = patterns != null || !new AugctlConfig.Monitor().patterns.equals(c.monitor.patterns);
        PatternSet set = PatternSet.load(patterns != null ? patterns : c.monitor.patterns, explicitPatterns);
        if (!MonitorLoop.runExists(dir)) {
            if (!follow && serve == null) { // --serve, like --follow, waits for a run
                throw AugctlException.badInput((Files.isDirectory(dir) ? "no run in " : "log directory not found: ") + dir
                        + " (start shards with 'augctl launch', or pass --log-dir)");
            }
            err().println("waiting for a run in " + dir + " (Ctrl-C to stop)");
            err().flush();
            if (!MonitorLoop.awaitRun(dir, Duration.ofMillis(Math.min(100, every.toMillis())))) { // a stat: cheap
                return dev.augctl.common.ExitCode.SIGINT;
            }
        }
        MonitorSettings settings = new MonitorSettings(dir, numShards, c.numShards, c.jobs, every, stall);
        Monitor monitor = new Monitor(settings, set);
        if (serve != null) {
            return serve(c, dir, every, monitor);
        }
        MonitorLoop loop = new MonitorLoop(monitor, MonitorView.only(view(), states()));
        return follow ? loop.follow(every) : loop.snapshot();
    }

    /** Serves the dashboard until Ctrl-C (exit 130), showing the table too with --follow. */
    private int serve(AugctlConfig c, Path dir, Duration every, Monitor monitor) throws Exception {
        DashboardSettings settings = WatchOptions.dashboard(spec.commandLine(), "--serve", serve, c, dir, every);
        try (DashboardServer server = DashboardServer.start(settings, err());
             MonitorView table = follow ? MonitorView.only(view(), states()) : null) {
            LiveRefresh.run(monitor::refresh, every, s -> {
                server.publish(s);
                if (table != null) {
                    table.show(s);
                }
            }, err());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCode.SIGINT;
    }

    private MonitorView view() {
        if (json) {
            return MonitorView.json(out());
        }
        boolean terminal = Terminal.isTerminal();
        TableRenderer renderer = new TableRenderer(!noColor && Terminal.colorAllowed(),
                ascii || !Terminal.utf8(), ZoneId.systemDefault());
        return terminal && follow ? MonitorView.terminal(out(), renderer, Terminal.columns()) : MonitorView.plain(out(), renderer);
    }

    private java.util.Set<Status> states() {
        java.util.Set<Status> set = java.util.EnumSet.noneOf(Status.class);
        for (String name : only == null ? java.util.List.<String>of() : only) {
            try {
                set.add(Status.valueOf(name.trim().toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--only: unknown state '" + name
                        + "' (states: running, finishing, stalled, pending, succeeded, failed, interrupted)");
            }
        }
        return set;
    }

    private Duration duration(String option, String flag, double configSeconds, String key) {
        Duration d;
        if (flag != null) {
            try {
                d = Durations.parse(flag);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), option + ": " + e.getMessage());
            }
            if (d.isZero() || d.isNegative()) {
                throw new ParameterException(spec.commandLine(), option + " must be more than 0, got '" + flag + "'");
            }
            return d;
        }
        if (!(configSeconds > 0)) {
            throw AugctlException.badInput(configFile + ": " + key + " must be more than 0 seconds, got " + configSeconds);
        }
        return Durations.ofSeconds(configSeconds);
    }
}
