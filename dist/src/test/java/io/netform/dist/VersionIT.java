package io.netform.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VersionIT {

    @TempDir
    Path dir;

    @Test
    void theDistributionRunsAsAProgram() throws Exception {
        var result = NetformProcess.run(dir, Map.of(), "version");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("Netform v");
    }

    @Test
    void usageErrorsExitOneWithoutAStackTrace() throws Exception {
        var result = NetformProcess.run(dir, Map.of(), "-chdir=" + dir, "nope");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("Unmatched argument").doesNotContain("Exception");
    }
}
