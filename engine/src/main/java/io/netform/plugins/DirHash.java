package io.netform.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The {@code h1:} hash of a plugin's directory, the scheme Terraform's lock file uses: a SHA-256
 * over one line {@code "<sha256 hex>  <relative path>\n"} per file, in path order, base64-encoded.
 */
public final class DirHash {

    private DirHash() {}

    /** The h1 hash of every regular file under {@code dir}. */
    public static String h1(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            List<String> files = walk.filter(Files::isRegularFile)
                    .map(f -> dir.relativize(f).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
            MessageDigest summary = sha256();
            for (String rel : files) {
                String line = HexFormat.of().formatHex(fileDigest(dir.resolve(rel))) + "  " + rel + "\n";
                summary.update(line.getBytes(StandardCharsets.UTF_8));
            }
            return "h1:" + Base64.getEncoder().encodeToString(summary.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("could not hash the plugin directory " + dir + ": " + e.getMessage(), e);
        }
    }

    private static byte[] fileDigest(Path file) throws IOException {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return digest.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
