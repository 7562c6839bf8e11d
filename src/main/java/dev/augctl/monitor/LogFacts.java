package dev.augctl.monitor;

import java.time.Instant;
import java.util.List;

/**
 * What a shard's log says about its latest attempt.
 *
 * @param combosTotal  combos assigned to the shard, when logged
 * @param combosDone   combos finished
 * @param current      the combo running now, or null
 * @param fraction     how far the current combo got, 0 to 1
 * @param rows         rows kept by the finished combos
 * @param completed    whether the shard logged its completion
 * @param error        the last error line not followed by further progress, or null
 * @param startedAt    the first timestamp of the attempt, when the lines have timestamps
 * @param workStartedAt when the attempt's first combo started (its start-up is over), or null
 * @param endedAt      the timestamp of the completion or of the last error
 * @param combosInRun  the run's combos, logged by a shard of the dynamic schedule
 * @param attempts     attempt separators seen (0 for a log of one attempt)
 * @param finished     the attempt's latest finished combos (at most 1,000), oldest first
 * @param currentStartedAt when the current combo started, or null
 * @param currentRows  the current combo's rows to do (its progress lines' total), or null
 * @param assigned     the combos the assignment line lists, in order (empty when it does not)
 */
record LogFacts(Integer combosTotal, int combosDone, String current, double fraction, long rows,
        boolean completed, String error, Instant startedAt, Instant workStartedAt, Instant endedAt, int attempts,
        Integer combosInRun, List<ComboRun> finished, Instant currentStartedAt, Long currentRows,
        List<String> assigned) {

    /** Progress of the attempt, 0 to 1: finished combos plus the current one's fraction. */
    Double progress() {
        if (completed) {
            return 1.0;
        }
        if (combosTotal == null) {
            return null;
        }
        if (combosTotal == 0) {
            return 0.0;
        }
        double p = (combosDone + (current != null ? fraction : 0)) / combosTotal;
        return Math.max(0, Math.min(1, p));
    }
}
