package dev.augctl.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProcessTreeTest {
    private static final ProcessHandle SELF = ProcessHandle.current();

    @Test
    void findsAProcessByPidAndStartTime() {
        String start = ProcessTree.startTime(SELF);
        assertThat(ProcessTree.find(SELF.pid(), start)).contains(SELF);
    }

    @Test
    void aReusedPidWithAnotherStartTimeIsNotTheRecordedProcess() {
        String yearAgo = Instant.now().minusSeconds(365L * 86_400).toString();
        assertThat(ProcessTree.find(SELF.pid(), yearAgo)).isEmpty();
    }

    @Test
    void aMissingOrMalformedStartTimeMatchesNothingRatherThanFailing() {
        assertThat(ProcessTree.find(SELF.pid(), null)).isEmpty();
        assertThat(ProcessTree.find(SELF.pid(), "yesterday")).isEmpty();
        assertThat(ProcessTree.find(null, ProcessTree.startTime(SELF))).isEmpty();
    }

    @Test
    void statNamesStateGroupAndSessionOfALiveProcess() {
        String[] stat = ProcessTree.stat(SELF.pid());
        assertThat(stat).isNotNull();
        assertThat(stat[0]).isIn("R", "S", "D");
        assertThat(ProcessTree.processGroup(SELF.pid())).isPresent();
        assertThat(ProcessTree.running(SELF)).isTrue();
    }
}
