package dev.augctl.monitor;

import java.util.List;
import java.util.PriorityQueue;

/** The whole run's time left under the static schedule, from its shards' ETAs and its pending shards. */
final class Eta {
    private Eta() {
    }

    /**
     * Seconds until every shard has ended: the running shards finish at their own ETA (or, without
     * one, after the average shard duration minus what they already ran), and the pending shards
     * run {@code slots} at a time, each taking the average shard duration. Null when unknown.
     *
     * @param runningLeft     per running shard, its ETA or null
     * @param runningElapsed  per running shard, seconds it has run (or null)
     * @param pending         shards not started yet
     * @param averageDuration seconds a shard takes on average, null when no shard tells yet
     * @param slots           shards that may run at once
     */
    static Double overall(List<Double> runningLeft, List<Double> runningElapsed, int pending, Double averageDuration, int slots) {
        PriorityQueue<Double> free = new PriorityQueue<>();
        double end = 0;
        for (int i = 0; i < runningLeft.size(); i++) {
            Double left = runningLeft.get(i);
            double t;
            if (left != null) {
                t = left;
            } else if (averageDuration != null && runningElapsed.get(i) != null) {
                t = Math.max(0, averageDuration - runningElapsed.get(i));
            } else {
                return null;
            }
            free.add(t);
            end = Math.max(end, t);
        }
        if (pending == 0) {
            return EtaEstimator.tenths(end);
        }
        if (averageDuration == null) {
            return null;
        }
        while (free.size() < Math.max(1, slots)) {
            free.add(0.0);
        }
        for (int i = 0; i < pending; i++) {
            double finish = free.poll() + averageDuration;
            free.add(finish);
            end = Math.max(end, finish);
        }
        return EtaEstimator.tenths(end);
    }
}
