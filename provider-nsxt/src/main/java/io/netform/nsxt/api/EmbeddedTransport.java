package io.netform.nsxt.api;

import io.netform.nsxsim.NsxSimulator;
import io.netform.nsxsim.SimulatorConfig;
import io.netform.nsxsim.policy.ApiRequest;
import io.netform.nsxsim.policy.ApiResponse;
import io.netform.nsxsim.seed.PolicySeed;
import io.netform.provider.DiagnosticException;
import io.netform.value.AttributePath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The NSX simulator running inside the provider ({@code host = "embedded"}), its store kept in a
 * directory so that objects outlive the plugin process like a real manager's do.
 */
public final class EmbeddedTransport implements Transport {

    private final NsxSimulator simulator;
    private final Path directory;

    private EmbeddedTransport(NsxSimulator simulator, Path directory) {
        this.simulator = simulator;
        this.directory = directory;
    }

    /** Opens (or creates) the simulator's store in the directory; objects realize at once. */
    public static EmbeddedTransport open(Path directory) {
        return open(directory, null);
    }

    /**
     * Opens the simulator's store in the directory, as {@link #open(Path)} does; a store created now
     * starts with the objects of the export {@code seed} (null for none), and one created earlier must
     * have started from that same file, since a seed is loaded only once, into a new store.
     *
     * @throws DiagnosticException when the seed cannot be read or held, or the store started otherwise
     */
    public static EmbeddedTransport open(Path directory, Path seed) {
        boolean fresh = isEmpty(directory);
        SimulatorConfig config =
                SimulatorConfig.defaults().withDataDirectory(directory).withRealizationDelay(Duration.ZERO);
        NsxSimulator simulator = NsxSimulator.create(config);
        if (seed == null) {
            return new EmbeddedTransport(simulator, directory);
        }
        Path marker = directory.resolve(SEED_MARKER);
        try {
            String digest = digest(seed);
            if (fresh) {
                simulator.load(PolicySeed.read(seed));
                Files.writeString(marker, digest + "  " + seed + "\n");
            } else if (!Files.isRegularFile(marker) || !Files.readString(marker).startsWith(digest + " ")) {
                throw new DiagnosticException(
                        "Embedded NSX simulator not started from this seed",
                        "The embedded simulator's objects in " + directory + " were not loaded from " + seed
                                + " (or the file changed since): a seed is loaded only into a new store. Delete "
                                + directory + " to start again from the seed.",
                        AttributePath.of("seed"));
            }
            return new EmbeddedTransport(simulator, directory);
        } catch (IOException | IllegalArgumentException | UncheckedIOException e) {
            simulator.close();
            if (fresh) {
                deleteTree(directory);
            }
            throw new DiagnosticException("Invalid NSX seed", e.getMessage(), AttributePath.of("seed"));
        } catch (DiagnosticException e) {
            simulator.close();
            throw e;
        }
    }

    @Override
    public NsxResponse send(NsxRequest request) {
        byte[] body = request.body() == null ? new byte[0] : request.body().getBytes(StandardCharsets.UTF_8);
        ApiResponse response = simulator.handle(new ApiRequest(
                request.method(), request.apiPath(), request.query(), body, SimulatorConfig.DEFAULT_USER));
        Map<String, String> headers = new LinkedHashMap<>();
        response.headers().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
        return new NsxResponse(response.status(), new String(response.body(), StandardCharsets.UTF_8), headers);
    }

    @Override
    public String endpoint() {
        return "the embedded NSX simulator (" + directory + ")";
    }

    @Override
    public void close() {
        simulator.close();
    }

    /** The file beside the store that records which seed (its SHA-256, then its path) the store started from. */
    static final String SEED_MARKER = "seed.sha256";

    private static boolean isEmpty(Path directory) {
        if (!Files.isDirectory(directory)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory + ": " + e.getMessage(), e);
        }
    }

    private static String digest(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path directory) {
        try (Stream<Path> all = Files.walk(directory)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + directory + ": " + e.getMessage(), e);
        }
    }
}
