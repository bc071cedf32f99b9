package io.netform.nsxsim.server;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.netform.nsxsim.policy.PolicyApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * The HTTPS server: the JDK's {@code HttpsServer} with a bounded pool of worker threads, so many
 * clients are served at once while a flood queues instead of exhausting the machine.
 */
public final class HttpsFrontEnd implements AutoCloseable {

    private static final int WORKERS = 64;
    private static final int QUEUE = 4096;

    private final HttpsServer server;
    private final ThreadPoolExecutor workers;

    private HttpsFrontEnd(HttpsServer server, ThreadPoolExecutor workers) {
        this.server = server;
        this.workers = workers;
    }

    /** Binds the address (port 0 picks a free port) and starts serving. */
    public static HttpsFrontEnd start(
            InetSocketAddress address,
            SSLContext tls,
            PolicyApi api,
            UserAuthentication authentication,
            RequestLimits limits,
            FaultInjector faults,
            RequestCounts counts) {
        // Without TCP_NODELAY, a response written as headers then body waits for the client's delayed
        // ACK (about 40 ms per request); the JDK server reads this property when it first loads.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor workers = new ThreadPoolExecutor(
                WORKERS,
                WORKERS,
                60,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE),
                r -> {
                    Thread t = new Thread(r, "nsx-sim-http-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                },
                new ThreadPoolExecutor.CallerRunsPolicy());
        try {
            HttpsServer server = HttpsServer.create(address, 1024);
            server.setHttpsConfigurator(new HttpsConfigurator(tls));
            server.setExecutor(workers);
            server.createContext("/", new RequestHandler(api, authentication, limits, faults, counts));
            server.start();
            return new HttpsFrontEnd(server, workers);
        } catch (IOException e) {
            workers.shutdown();
            throw new UncheckedIOException("cannot listen on " + address + ": " + e.getMessage(), e);
        }
    }

    /** The bound port. */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
