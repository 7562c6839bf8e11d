package dev.augctl.notify;

import dev.augctl.launch.LaunchListener;
import dev.augctl.monitor.Monitor;
import dev.augctl.monitor.MonitorSettings;
import dev.augctl.monitor.PatternSet;
import dev.augctl.monitor.Snapshot;
import dev.augctl.serve.DashboardServer;
import dev.augctl.serve.DashboardSettings;
import dev.augctl.serve.LiveRefresh;
import dev.augctl.serve.MergeSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * What watches a launch from inside the launcher: the dashboard ({@code --serve}) and the
 * notifications ({@code --notify}, {@code --on-event}). Both read one {@link Monitor}, refreshed by
 * one thread at a time.
 */
public final class RunWatch implements AutoCloseable {
    /**
     * @param dashboard  where and what to serve, or null for no dashboard
     * @param targets    the notification URLs
     * @param onEvent    the --on-event argv, or null
     * @param merge      the merged manifest's statistics (with --merge), or null
     */
    public record Settings(DashboardSettings dashboard, List<NotifyTarget> targets, List<String> onEvent,
                           MonitorSettings monitor, PatternSet patterns, MergeSummary merge) {
        /** Nothing watches the run. */
        public static final Settings NONE = new Settings(null, List.of(), null, null, null, null);

        /** Whether anything watches the run at all. */
        public boolean any() {
            return dashboard != null || !targets.isEmpty() || onEvent != null;
        }
    }

    private final Monitor monitor;
    private final DashboardServer server;
    private final Thread refresher;
    private final RunNotifications notifications;

    private RunWatch(Settings s, PrintWriter err) throws IOException {
        this.monitor = new Monitor(s.monitor(), s.patterns());
        this.server = s.dashboard() == null ? null : DashboardServer.start(s.dashboard(), err);
        this.refresher = server == null ? null : LiveRefresh.start(this::refresh, s.dashboard().interval(), snapshot -> { }, err);
        boolean notifies = !s.targets().isEmpty() || s.onEvent() != null;
        this.notifications = !notifies ? null : new RunNotifications(
                s.targets().isEmpty() ? null : new Notifier(s.targets(), err),
                s.onEvent() == null ? null : new EventCommand(s.onEvent(), err),
                () -> {
                    try {
                        return refresh();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, s.merge(), err);
    }

    /**
     * Starts the dashboard (printing its URL) when asked for; null when nothing watches the run.
     * A port that cannot be bound is a bad-input error.
     */
    public static RunWatch start(Settings s, PrintWriter err) throws IOException {
        return s.any() ? new RunWatch(s, err) : null;
    }

    /** What the launcher tells of its events. */
    public LaunchListener listener() {
        return notifications == null ? LaunchListener.NONE : notifications;
    }

    /** A fresh snapshot, which the dashboard (when there is one) shows at once. */
    private Snapshot refresh() throws IOException {
        synchronized (monitor) {
            Snapshot s = monitor.refresh();
            if (server != null) {
                server.publish(s);
            }
            return s;
        }
    }

    /** Sends what is still in flight (bounded by {@link RunNotifications#END_GRACE}), then stops the dashboard. */
    @Override
    public void close() {
        if (notifications != null) {
            notifications.close();
        }
        if (refresher != null) {
            refresher.interrupt();
        }
        if (server != null) {
            server.close();
        }
    }
}
