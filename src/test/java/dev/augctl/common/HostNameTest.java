package dev.augctl.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostNameTest {
    @Test
    void readsTheKernelsNameWhichIsStableBetweenCalls() {
        assertThat(HostName.get()).isNotBlank().isEqualTo(HostName.get());
    }

    @Test
    void sameHostIgnoresCaseAndDomain() {
        assertThat(HostName.same("node1", "NODE1.cluster.local")).isTrue();
        assertThat(HostName.same("node1", "node2")).isFalse();
        assertThat(HostName.same(null, null)).isTrue();
        assertThat(HostName.same("node1", null)).isFalse();
    }
}
