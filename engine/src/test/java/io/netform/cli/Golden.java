package io.netform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares text with a golden file under {@code src/test/resources/render/}. Run with
 * {@code -Dnetform.golden.update=true} to rewrite the files after a deliberate change, then
 * review the difference before committing it.
 */
final class Golden {

    private Golden() {}

    static void assertMatches(String name, String actual) {
        if (Boolean.getBoolean("netform.golden.update")) {
            try {
                Path file = Path.of("src/test/resources/render", name);
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        assertThat(actual).as("golden file render/" + name).isEqualTo(read(name));
    }

    static String read(String name) {
        try (InputStream in = Golden.class.getResourceAsStream("/render/" + name)) {
            if (in == null) {
                throw new AssertionError("missing golden file render/" + name
                        + " (run the test with -Dnetform.golden.update=true to write it, then review it)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
