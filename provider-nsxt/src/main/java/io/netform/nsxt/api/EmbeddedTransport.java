package io.netform.nsxt.api;

import io.netform.nsxsim.NsxSimulator;
import io.netform.nsxsim.SimulatorConfig;
import io.netform.nsxsim.policy.ApiRequest;
import io.netform.nsxsim.policy.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

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
        SimulatorConfig config =
                SimulatorConfig.defaults().withDataDirectory(directory).withRealizationDelay(Duration.ZERO);
        return new EmbeddedTransport(NsxSimulator.create(config), directory);
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
}
