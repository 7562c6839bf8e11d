package dev.augctl.generate;

import dev.augctl.history.Estimator;
import dev.augctl.history.HistoryEntry;
import dev.augctl.history.HistoryFile;
import dev.augctl.history.LptOrder;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dynamic schedule of one shard: the run's combos ordered longest-estimated first (from the
 * duration history; plan order without one), and each time the shard is free, the first of them that
 * it can claim ({@link ComboClaims}). Null when every combo is done or held by a live shard.
 */
final class DynamicPicker {
    private static final Logger LOG = LoggerFactory.getLogger(DynamicPicker.class);

    private final List<Combo> order;
    private final ComboClaims claims;

    DynamicPicker(GenerateSettings s, Schedule schedule, List<Combo> combos, String inputSha256, long inputRows) {
        this.claims = new ComboClaims(s.outputRoot(), schedule.runId(), s.shardIndex(), s.numShards());
        this.order = order(schedule, combos, inputSha256, inputRows);
    }

    private static List<Combo> order(Schedule schedule, List<Combo> combos, String sha, long rows) {
        if (schedule.history() == null) {
            return combos;
        }
        List<HistoryEntry> history = new HistoryFile(schedule.history()).read(w -> LOG.warn("history: " + w));
        Estimator estimator = new Estimator(history, HistoryEntry.BUILTIN_WORKER);
        if (estimator.isEmpty()) {
            LOG.info("no duration history yet (" + schedule.history() + "): combos in plan order");
            return combos;
        }
        Map<Combo, Double> estimates = new HashMap<>();
        for (Combo c : combos) {
            estimator.combo(c.name(), c.methodNames(), sha, rows).ifPresent(e -> estimates.put(c, e.seconds()));
        }
        List<Combo> order = LptOrder.of(combos, estimates);
        LOG.info("order from the duration history, longest first: " + String.join(", ", order.stream()
                .map(c -> c.name() + (estimates.containsKey(c)
                        ? String.format(Locale.ROOT, " ~%.1fs", estimates.get(c)) : " ?")).toList()));
        return order;
    }

    /** The next combo this shard now holds, or null when there is none left for it. */
    Combo next() throws IOException {
        for (Combo c : order) {
            if (claims.tryClaim(c.name())) {
                return c;
            }
        }
        return null;
    }

    /** Records that the combo is finished and listed in this shard's manifest. */
    void done(Combo c) throws IOException {
        claims.markDone(c.name());
    }
}
