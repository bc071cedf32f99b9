package io.netform.kubesim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class KubeSimulatorMainTest {

    @Test
    void flagsBecomeTheConfiguration() {
        KubeSimulatorConfig config = KubeSimulatorMain.parse(new String[] {
            "--port",
            "0",
            "--data",
            "/tmp/kube",
            "--token",
            "t1",
            "--forbid",
            "delete:namespaces",
            "--forbid",
            "*:secrets"
        });

        assertThat(config.port()).isZero();
        assertThat(config.dataDirectory()).isEqualTo(Path.of("/tmp/kube"));
        assertThat(config.adminToken()).isEqualTo("t1");
        assertThat(config.readOnlyToken()).isEqualTo(KubeSimulatorConfig.DEFAULT_READ_ONLY_TOKEN);
        assertThat(config.forbidden()).containsExactly("delete:namespaces", "*:secrets");
    }

    @Test
    void badFlagsSayWhatIsWrong() {
        assertThatThrownBy(() -> KubeSimulatorMain.parse(new String[] {"--port", "0"}))
                .hasMessage("--port and --data are required");
        assertThatThrownBy(() ->
                        KubeSimulatorMain.parse(new String[] {"--port", "0", "--data", "d", "--forbid", "delete"}))
                .hasMessageContaining("--forbid takes VERB:RESOURCE");
        assertThatThrownBy(() -> KubeSimulatorMain.parse(
                        new String[] {"--port", "0", "--data", "d", "--token", "same", "--readonly-token", "same"}))
                .hasMessage("--token and --readonly-token must differ");
    }
}
