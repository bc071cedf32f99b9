package io.netform.goplugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PluginPortRangeTest {

    @Test
    void neitherVariableSetMeansAnyPort() {
        assertThat(PluginPortRange.fromEnvironment(Map.of())).isEqualTo(PluginPortRange.ANY);
        assertThat(PluginPortRange.fromEnvironment(Map.of("PLUGIN_MIN_PORT", "", "PLUGIN_MAX_PORT", "")))
                .isEqualTo(PluginPortRange.ANY);
    }

    @Test
    void readsWhatAHostWrites() {
        PluginPortRange range = new PluginPortRange(10_000, 25_000);
        assertThat(range.environment())
                .containsOnly(Map.entry("PLUGIN_MIN_PORT", "10000"), Map.entry("PLUGIN_MAX_PORT", "25000"));
        assertThat(PluginPortRange.fromEnvironment(range.environment())).isEqualTo(range);
    }

    @Test
    void aLowerBoundAloneLeavesNoPortAsInGoPlugin() {
        assertThatThrownBy(() -> PluginPortRange.fromEnvironment(Map.of("PLUGIN_MIN_PORT", "10000")))
                .hasMessage(
                        "PLUGIN_MIN_PORT (10000) is greater than PLUGIN_MAX_PORT (0): no port is left to listen on");
    }

    @Test
    void refusesWhatIsNoPortNumber() {
        assertThatThrownBy(() -> PluginPortRange.fromEnvironment(Map.of("PLUGIN_MAX_PORT", "25k")))
                .hasMessage("PLUGIN_MAX_PORT is \"25k\", which is not a port number");
        assertThatThrownBy(() -> new PluginPortRange(10_000, 70_000))
                .hasMessage("PLUGIN_MAX_PORT is 70000, outside the port numbers 0 to 65535");
        assertThatThrownBy(() -> new PluginPortRange(-1, 10))
                .hasMessage("PLUGIN_MIN_PORT is -1, outside the port numbers 0 to 65535");
    }
}
