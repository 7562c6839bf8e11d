package dev.augctl.cli;

import dev.augctl.common.AugctlException;
import dev.augctl.common.ShellQuote;
import dev.augctl.config.AugctlConfig;
import dev.augctl.monitor.Durations;
import dev.augctl.monitor.MonitorSettings;
import dev.augctl.monitor.PatternSet;
import dev.augctl.notify.NotifyTarget;
import dev.augctl.notify.RunWatch;
import dev.augctl.serve.BindAddress;
import dev.augctl.serve.DashboardSettings;
import dev.augctl.serve.MergeSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The options of {@code launch} that watch the run: the dashboard and the notifications. */
public final class WatchOptions {
    @Option(names = "--serve", paramLabel = "PORT",
            description = "Serve the live dashboard (docs/DASHBOARD.md) while the shards run: PORT on 127.0.0.1, or "
                + "HOST:PORT; port 0 picks a free one. The URL is printed on stderr.")
    String serve;

    @Option(names = "--notify", paramLabel = "URL", showDefaultValue = CommandLine.Help.Visibility.NEVER,
            description = "Send the run's events to URL: https://… (JSON), slack+https://… (Slack webhook), "
                + "ntfy+https://host/topic (ntfy); repeatable, added to config notify. URLs are shown redacted "
                + "(docs/NOTIFY.md).")
    List<String> notify = new ArrayList<>();

    @Option(names = "--on-event", paramLabel = "CMD",
            description = "Run CMD (words split at blanks, quotes group; no shell) for each event, with the event's "
                + "JSON on stdin and AUGCTL_EVENT set.")
    String onEvent;

    /** Parses what was given; a bad URL, address or command is a usage error naming it (redacted). */
    RunWatch.Settings settings(CommandLine cmd, Path configFile, AugctlConfig c, Path logDir, int numShards, int jobs,
                               boolean merge) {
        List<NotifyTarget> targets = new ArrayList<>();
        for (String url : c.notify) {
            try {
                targets.add(NotifyTarget.parse(url));
            } catch (IllegalArgumentException e) {
                throw AugctlException.badInput(configFile + ": notify: " + e.getMessage());
            }
        }
        for (String url : notify) {
            try {
                targets.add(NotifyTarget.parse(url));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cmd, "--notify: " + e.getMessage());
            }
        }
        List<String> argv = null;
        if (onEvent != null) {
            try {
                argv = ShellQuote.split(onEvent);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cmd, "--on-event: " + e.getMessage());
            }
            if (argv.isEmpty()) {
                throw new CommandLine.ParameterException(cmd, "--on-event: the command is empty");
            }
        }
        Duration interval = Durations.ofSeconds(c.monitor.interval);
        DashboardSettings dashboard = serve == null ? null
                : dashboard(cmd, "--serve", serve, c, logDir, interval);
        if (dashboard == null && targets.isEmpty() && argv == null) {
            return RunWatch.Settings.NONE; // nothing watches: no patterns to load (launch's start-up stays lean)
        }
        boolean explicitPatterns = !new AugctlConfig.Monitor().patterns.equals(c.monitor.patterns);
        return new RunWatch.Settings(dashboard, targets, argv,
                new MonitorSettings(logDir, numShards, numShards, jobs, interval, Durations.ofSeconds(c.monitor.stallAfter)),
                PatternSet.load(c.monitor.patterns, explicitPatterns), merge ? mergeSummary(c) : null);
    }

    /** The dashboard of {@code --serve VALUE}: a value that is no [HOST:]PORT is a usage error. */
    static DashboardSettings dashboard(CommandLine cmd, String option, String value, AugctlConfig c, Path logDir,
                                       Duration interval) {
        try {
            return new DashboardSettings(BindAddress.parse(value), logDir, c.outputRoot.resolve(c.merge.outputName),
                    c.merge.keyColumn, c.merge.rowsColumn, interval);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cmd, option + ": " + e.getMessage());
        }
    }

    static MergeSummary mergeSummary(AugctlConfig c) {
        return new MergeSummary(c.outputRoot.resolve(c.merge.outputName), c.merge.keyColumn, c.merge.rowsColumn);
    }

    /** The --dry-run lines: what would watch the run, URLs redacted. */
    static void describe(RunWatch.Settings s, PrintWriter out) {
        if (s.dashboard() != null) {
            out.println("dashboard: would serve on " + s.dashboard().bind().host() + ":" + s.dashboard().bind().port());
        }
        for (NotifyTarget t : s.targets()) {
            out.println("notify: " + t + " (" + t.format().name().toLowerCase(java.util.Locale.ROOT) + ")");
        }
        if (s.onEvent() != null) {
            out.println("on event: " + ShellQuote.join(s.onEvent()));
        }
        out.flush();
    }
}
