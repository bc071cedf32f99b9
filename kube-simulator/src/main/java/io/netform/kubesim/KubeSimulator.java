package io.netform.kubesim;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.netform.certificate.ServerCertificate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Kubernetes API server to run against without a cluster: HTTPS with a self-signed certificate,
 * bearer tokens, discovery, and fabric8's CRUD store for the objects; with a data directory it
 * writes {@code kubeconfig} there and keeps its objects across restarts. It counts the requests it
 * receives and can refuse a verb at run time (in-process, or through {@code /sim/admin/}).
 */
public final class KubeSimulator implements AutoCloseable {

    private static final String CERTIFICATE_ORGANIZATION = "Netform Kubernetes simulator";

    private final HttpsServer server;
    private final ApiHandler handler;
    private final ObjectStore store;
    private final RequestCounts counts;
    private final ForbiddenVerbs forbidden;
    private final ExecutorService workers;
    private final String kubeconfig;
    private final Path kubeconfigFile;

    private KubeSimulator(
            HttpsServer server,
            ApiHandler handler,
            ObjectStore store,
            RequestCounts counts,
            ForbiddenVerbs forbidden,
            ExecutorService workers,
            String kubeconfig,
            Path kubeconfigFile) {
        this.server = server;
        this.handler = handler;
        this.store = store;
        this.counts = counts;
        this.forbidden = forbidden;
        this.workers = workers;
        this.kubeconfig = kubeconfig;
        this.kubeconfigFile = kubeconfigFile;
    }

    /** Starts serving; with a data directory, its kubeconfig is written before this returns. */
    public static KubeSimulator start(KubeSimulatorConfig config) {
        Path data = config.dataDirectory();
        ServerCertificate certificate = data == null
                ? ServerCertificate.generate(CERTIFICATE_ORGANIZATION)
                : ServerCertificate.inDirectory(data, CERTIFICATE_ORGANIZATION);
        ForbiddenVerbs forbidden = new ForbiddenVerbs(config.forbidden());
        AccessPolicy access = new AccessPolicy(config.adminToken(), config.readOnlyToken(), forbidden);
        RequestCounts counts = new RequestCounts();
        ObjectStore store = ObjectStore.open(data);
        // Without TCP_NODELAY, a response written as headers then body waits for the client's delayed ACK.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        AtomicInteger threads = new AtomicInteger();
        // unbounded: every open watch holds a thread for its whole life
        ExecutorService workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "kube-sim-http-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        HttpsServer server;
        try {
            server = HttpsServer.create(new InetSocketAddress(config.host(), config.port()), 256);
        } catch (IOException e) {
            workers.shutdown();
            throw new UncheckedIOException(
                    "cannot listen on " + config.host() + ":" + config.port() + ": " + e.getMessage(), e);
        }
        server.setHttpsConfigurator(new HttpsConfigurator(certificate.serverContext()));
        server.setExecutor(workers);
        ApiHandler handler = new ApiHandler(access, store, counts);
        server.createContext("/", handler);
        server.createContext(AdminHandler.PREFIX, new AdminHandler(access, counts));
        server.start();
        URI url = URI.create("https://" + hostInUrl(config.host()) + ":"
                + server.getAddress().getPort());
        String kubeconfig = Kubeconfig.text(url, certificate.certificatePem(), access);
        Path kubeconfigFile = data == null ? null : data.resolve("kubeconfig");
        if (kubeconfigFile != null) {
            Kubeconfig.write(kubeconfigFile, kubeconfig);
        }
        return new KubeSimulator(server, handler, store, counts, forbidden, workers, kubeconfig, kubeconfigFile);
    }

    /** The server's URL, {@code https://127.0.0.1:PORT}. */
    public URI url() {
        return URI.create("https://" + hostInUrl(server.getAddress().getHostString()) + ":" + port());
    }

    /** The bound port. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The kubeconfig's text (cluster, certificate, both users and their contexts). */
    public String kubeconfig() {
        return kubeconfig;
    }

    /** The kubeconfig file in the data directory, if there is one. */
    public Optional<Path> kubeconfigFile() {
        return Optional.ofNullable(kubeconfigFile);
    }

    /** The requests received so far, by verb and resource. */
    public RequestCounts requests() {
        return counts;
    }

    /** The verbs refused to every user; changes take effect with the next request. */
    public ForbiddenVerbs forbidden() {
        return forbidden;
    }

    @Override
    public void close() {
        handler.endWatches();
        server.stop(0);
        workers.shutdownNow();
        store.close();
    }

    private static String hostInUrl(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }
}
