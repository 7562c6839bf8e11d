package dev.augctl.merge;

import dev.augctl.merge.MergeReport.Extreme;
import dev.augctl.merge.MergeReport.ShardSummary;
import dev.augctl.merge.MergeReport.Stats;
import java.util.ArrayList;
import java.util.List;

/** Accumulates the statistics of a merge, one row at a time (constant work per row). */
final class MergeStats {
    /** How many tied combos an extreme names; the rest are counted. */
    static final int NAMED = 3;

    private final boolean rejectedColumn;
    private final List<ShardSummary> done = new ArrayList<>();
    private final Tracker min = new Tracker(false);
    private final Tracker max = new Tracker(true);
    private long combos;
    private long rows;
    private long rejected;
    private long shardCombos;
    private long shardRows;
    private long shardRejected;

    MergeStats(boolean rejectedColumn) {
        this.rejectedColumn = rejectedColumn;
    }

    void add(String combo, long comboRows, long comboRejected) {
        shardCombos++;
        shardRows += comboRows;
        shardRejected += comboRejected;
        min.offer(comboRows, combo);
        max.offer(comboRows, combo);
    }

    /** Closes the current shard's counts. */
    void endShard(ShardManifest shard) {
        done.add(new ShardSummary(shard.fileName(), shard.index(), shardCombos, shardRows,
                rejectedColumn ? shardRejected : null));
        combos += shardCombos;
        rows += shardRows;
        rejected += shardRejected;
        shardCombos = 0;
        shardRows = 0;
        shardRejected = 0;
    }

    Stats toStats() {
        return new Stats(combos, rows, rejectedColumn, rejectedColumn ? rejected : null,
                min.toExtreme(), max.toExtreme(), List.copyOf(done));
    }

    /** The smallest (or largest) value seen and the first few combos that have it. */
    private static final class Tracker {
        private final boolean largest;
        private final List<String> names = new ArrayList<>(NAMED);
        private long value;
        private long count;

        Tracker(boolean largest) {
            this.largest = largest;
        }

        void offer(long v, String name) {
            if (count == 0 || (largest ? v > value : v < value)) {
                value = v;
                count = 0;
                names.clear();
            } else if (v != value) {
                return;
            }
            count++;
            if (names.size() < NAMED) {
                names.add(name);
            }
        }

        Extreme toExtreme() {
            return count == 0 ? null : new Extreme(value, List.copyOf(names), count);
        }
    }
}
