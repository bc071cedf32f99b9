package io.netform.nsxt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A provider served in the host's JVM gives its embedded simulator's store back when the host closes it,
 * as a plugin process does by exiting, so the next command's provider can open the same store.
 */
class EmbeddedStoreReleaseTest {

    @TempDir
    Path directory;

    @Test
    void theNextProviderOpensTheStoreTheLastOneClosed() {
        EmbeddedProvider.in(directory).close();

        // configuring fails while another simulator in this JVM still holds the store's lock
        try (EmbeddedProvider next = EmbeddedProvider.in(directory)) {
            assertThat(next.nsx()).isNotNull();
        }
    }
}
