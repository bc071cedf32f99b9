package io.netform.goplugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ProtocolVersionsTest {

    private static final TreeSet<Integer> FIVE_AND_SIX = new TreeSet<>(List.of(5, 6));

    @Test
    void choosesTheHighestVersionBothSidesSpeak() {
        assertThat(ProtocolVersions.negotiate("5,6", FIVE_AND_SIX)).isEqualTo(6);
        assertThat(ProtocolVersions.negotiate("4,5", FIVE_AND_SIX)).isEqualTo(5);
        assertThat(ProtocolVersions.negotiate(" 6 , x, 7", FIVE_AND_SIX)).isEqualTo(6);
    }

    @Test
    void fallsBackToThePluginsLowestSoThatTheHostCanReportTheMismatch() {
        assertThat(ProtocolVersions.negotiate("3,4", FIVE_AND_SIX)).isEqualTo(5);
        assertThat(ProtocolVersions.negotiate(null, FIVE_AND_SIX)).isEqualTo(5);
    }

    @Test
    void formatsTheHostsListInOrder() {
        assertThat(ProtocolVersions.format(List.of(6, 5))).isEqualTo("5,6");
    }
}
