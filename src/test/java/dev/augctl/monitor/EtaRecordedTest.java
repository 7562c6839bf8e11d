package dev.augctl.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ETA on a real run replayed: 7 shards of the built-in worker on the shipped sample, dynamic
 * schedule, recorded on a loaded 2-core machine (load average 15 to 35; shards 37 to 41 s), twice
 * in one log directory: run1 with no history, run2 with run1's.
 */
class EtaRecordedTest {
    @TempDir
    Path work;

    private static double error(Snapshot s, RecordedRun run, Instant t) {
        double left = run.leftAt(t);
        return Math.abs(s.summary().etaSeconds() - left) / left;
    }

    @Test
    void withTheFirstRunsHistoryTheSecondRunsEtaIsWithinHalfAtEachQuarter() throws Exception {
        // measured: 3 %, 37 %, 42 % (the machine's load changed between and within the runs)
        RecordedRun run = new RecordedRun("loaded/run2");
        for (double p : new double[] {0.25, 0.50, 0.75}) {
            Instant t = run.at(p);
            Snapshot s = run.snapshot(t, work);
            assertThat(s.summary().etaSeconds()).as("ETA at %.0f %%", 100 * p).isNotNull();
            assertThat(error(s, run, t)).as("error at %.0f %%", 100 * p).isLessThanOrEqualTo(p == 0.25 ? 0.1 : 0.5);
        }
    }

    @Test
    void underTheDynamicScheduleEveryRunningShardGetsAnEtaFromTheRunWideCombos() throws Exception {
        RecordedRun run = new RecordedRun("loaded/run2");
        Snapshot s = run.snapshot(run.at(0.5), work);
        assertThat(s.shards()).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(Status.RUNNING);
            assertThat(r.combosTotal()).isNull(); // no combos assigned: claimed one at a time
            assertThat(r.etaSeconds()).isNotNull().isLessThanOrEqualTo(s.summary().etaSeconds());
        });
        assertThat(s.summary().combosTotal()).isEqualTo(22);
    }

    @Test
    void withoutHistoryThereIsNoEtaBeforeAComboRunsAndARoughOneUntilOneFinished() throws Exception {
        RecordedRun run = new RecordedRun("loaded/run1");
        Snapshot startingUp = run.snapshot(run.at(0.25), work);
        assertThat(startingUp.shards()).allSatisfy(r -> assertThat(r.current()).isNull());
        assertThat(startingUp.summary().etaSeconds()).isNull(); // nothing measured, nothing remembered

        Instant half = run.at(0.5);
        Snapshot working = run.snapshot(half, work);
        assertThat(working.summary().combosDone()).isZero();
        assertThat(working.summary().etaRough()).isTrue();
        assertThat(error(working, run, half)).isLessThanOrEqualTo(0.5);

        Snapshot later = run.snapshot(run.at(0.75), work);
        assertThat(later.summary().combosDone()).isPositive();
        assertThat(later.summary().etaRough()).isFalse();
        assertThat(later.summary().etaSeconds()).isNotNull();
    }
}
