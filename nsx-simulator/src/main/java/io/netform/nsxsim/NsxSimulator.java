package io.netform.nsxsim;

import io.netform.certificate.ServerCertificate;
import io.netform.nsxsim.model.TypeCatalog;
import io.netform.nsxsim.policy.ApiRequest;
import io.netform.nsxsim.policy.ApiResponse;
import io.netform.nsxsim.policy.PolicyApi;
import io.netform.nsxsim.policy.PolicyObjects;
import io.netform.nsxsim.seed.PolicySeed;
import io.netform.nsxsim.server.FaultInjector;
import io.netform.nsxsim.server.HttpsFrontEnd;
import io.netform.nsxsim.server.RequestCounts;
import io.netform.nsxsim.server.RequestLimits;
import io.netform.nsxsim.server.UserAuthentication;
import io.netform.nsxsim.store.PolicyStore;
import io.netform.nsxsim.store.StoreFile;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;

/**
 * An NSX Manager simulator: the Policy API over a store, callable in-process through
 * {@link #handle} and, once {@link #startServer() started}, over HTTPS.
 */
public final class NsxSimulator implements AutoCloseable {

    private static final String CERTIFICATE_ORGANIZATION = "Netform NSX simulator";

    private final SimulatorConfig config;
    private final PolicyStore store;
    private final PolicyApi api;
    private final FaultInjector faults;
    private final RequestCounts requests = new RequestCounts();
    private HttpsFrontEnd server;
    private ServerCertificate certificate;

    private NsxSimulator(SimulatorConfig config, PolicyStore store, PolicyApi api) {
        this.config = config;
        this.store = store;
        this.api = api;
        this.faults = new FaultInjector(config.faults(), api::setFailedFailureDomains);
    }

    /** Opens the store (reloading it from the data directory if there is one) without serving HTTP. */
    public static NsxSimulator create(SimulatorConfig config) {
        Clock clock = Clock.systemUTC();
        TypeCatalog catalog = TypeCatalog.standard();
        PolicyStore store = config.dataDirectory() == null
                ? PolicyStore.inMemory(catalog, clock)
                : PolicyStore.open(catalog, new StoreFile(config.dataDirectory()), config.flushDelay(), clock);
        PolicyApi api = new PolicyApi(store, new PolicyObjects(catalog, clock), config.realizationDelay(), clock);
        return new NsxSimulator(config, store, api);
    }

    /** Creates the simulator and starts its HTTPS server. */
    public static NsxSimulator start(SimulatorConfig config) {
        NsxSimulator simulator = create(config);
        simulator.startServer();
        return simulator;
    }

    /**
     * Stores the objects of an export from another manager as they are (see {@link PolicySeed#insert}), all
     * or none.
     *
     * @throws IllegalArgumentException naming the object the simulator cannot hold
     */
    public void load(PolicySeed seed) {
        store.write(tx -> {
            seed.insert(tx, api.catalog());
            return null;
        });
    }

    /** Answers one API call in-process (no authentication, limits or faults). */
    public ApiResponse handle(ApiRequest request) {
        return api.handle(request);
    }

    /** Starts the HTTPS server; the certificate goes to {@code server.crt} in the data directory. */
    public synchronized URI startServer() {
        if (server == null) {
            certificate = config.dataDirectory() == null
                    ? ServerCertificate.generate(CERTIFICATE_ORGANIZATION)
                    : ServerCertificate.inDirectory(config.dataDirectory(), CERTIFICATE_ORGANIZATION);
            server = HttpsFrontEnd.start(
                    new InetSocketAddress(config.host(), config.port()),
                    certificate.serverContext(),
                    api,
                    new UserAuthentication(config.user(), config.password()),
                    new RequestLimits(config.rateLimit(), config.concurrencyLimit()),
                    faults,
                    requests);
        }
        return baseUrl();
    }

    /** The server's base URL, such as {@code https://127.0.0.1:8443}. */
    public synchronized URI baseUrl() {
        if (server == null) {
            throw new IllegalStateException("the simulator's HTTPS server is not started");
        }
        return URI.create("https://" + config.host() + ":" + server.port());
    }

    /** The server's certificate in PEM form, for clients to trust. */
    public synchronized String certificatePem() {
        if (certificate == null) {
            throw new IllegalStateException("the simulator's HTTPS server is not started");
        }
        return certificate.certificatePem();
    }

    /** Where the certificate was written, or null when running in memory. */
    public Path certificateFile() {
        return config.dataDirectory() == null ? null : config.dataDirectory().resolve("server.crt");
    }

    /** The fault injector, to change faults at runtime from code. */
    public FaultInjector faults() {
        return faults;
    }

    /** The Policy API requests the HTTPS server has received, by method. */
    public RequestCounts requests() {
        return requests;
    }

    /** Stops serving and writes the store. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
            server = null;
        }
        store.close();
    }
}
