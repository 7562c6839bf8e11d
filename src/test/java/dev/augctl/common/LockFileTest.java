package dev.augctl.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.augctl.common.LockFile.Holder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LockFileTest {
    @TempDir
    Path dir;

    @Test
    void theRecordOfTheHolderOutlivesTheLockAndReadsBackExactly() throws IOException {
        Instant started = Instant.parse("2026-11-30T01:02:03.456Z");
        Path logs = dir.resolve("log dir: with = and #");
        try (LockFile lock = LockFile.tryAcquire(dir)) {
            assertThat(lock.read()).isEmpty().as("a new lock file holds no record");
            lock.record(Holder.self(logs, "123-456-1", started));
            assertThat(LockFile.held(dir)).isTrue();
            assertThat(lock.read()).contains(Holder.self(logs, "123-456-1", started));
        }
        assertThat(LockFile.held(dir)).isFalse();
        Holder last = LockFile.holder(dir).orElseThrow();
        assertThat(last.pid()).isEqualTo(OptionalLong.of(ProcessHandle.current().pid()));
        assertThat(last.logDir()).isEqualTo(logs.toAbsolutePath().toString());
        assertThat(last.runId()).isEqualTo("123-456-1");
        assertThat(last.runStarted()).isEqualTo(started);
        assertThat(last.describe()).isEqualTo("pid " + ProcessHandle.current().pid() + " on host " + HostName.get()
                + ", log dir " + logs.toAbsolutePath());
    }

    @Test
    void aLockHeldInThisJvmCannotBeTakenTwice() throws IOException {
        try (LockFile lock = LockFile.tryAcquire(dir)) {
            assertThat(lock).isNotNull();
            assertThat(LockFile.tryAcquire(dir)).isNull();
        }
    }

    @Test
    void noFileNoHolderAndAnOldPidOnlyFileIsReadAsFarAsItGoes() throws IOException {
        assertThat(LockFile.held(dir)).isFalse();
        assertThat(LockFile.holder(dir)).isEmpty();
        assertThat(dir.resolve(LockFile.NAME)).doesNotExist();
        Files.writeString(dir.resolve(LockFile.NAME), "4242\n"); // what earlier versions wrote
        Holder old = LockFile.holder(dir).orElseThrow();
        assertThat(old.pid()).isEmpty();
        assertThat(old.mayBeRunning()).isFalse();
    }

    @Test
    void aDeadHolderOfThisHostIsNotRunningAndOneOfAnotherHostMayBe() {
        long dead = Long.MAX_VALUE / 2;
        assertThat(new Holder(OptionalLong.of(dead), HostName.get(), null, null, null).mayBeRunning()).isFalse();
        assertThat(new Holder(OptionalLong.of(dead), "elsewhere-" + HostName.get(), null, null, null).mayBeRunning()).isTrue();
        assertThat(new Holder(OptionalLong.of(ProcessHandle.current().pid()), HostName.get(), null, null, null)
                .mayBeRunning()).isTrue();
    }
}
