package io.netform.kubesim;

import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.WebSocket;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A watch answered as Kubernetes streams it over HTTP: one JSON event per line of a chunked
 * response. fabric8's store sends watch events to a WebSocket; this is that socket, writing each
 * event to the response instead, so both {@code kubectl get -w} and fabric8's HTTP watch read them.
 */
final class WatchStream implements WebSocket {

    private final RecordedRequest request;
    private final OutputStream out;
    private final CountDownLatch closed = new CountDownLatch(1);

    WatchStream(RecordedRequest request, OutputStream out) {
        this.request = request;
        this.out = out;
    }

    @Override
    public RecordedRequest request() {
        return request;
    }

    @Override
    public synchronized boolean send(String text) {
        return send(ObjectStore.tidy(text).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public synchronized boolean send(byte[] bytes) {
        try {
            out.write(bytes);
            out.write('\n');
            out.flush();
            return true;
        } catch (IOException e) {
            // the client went away: the watch is over
            closed.countDown();
            return false;
        }
    }

    @Override
    public boolean close(int code, String reason) {
        closed.countDown();
        return true;
    }

    /** Blocks until the client goes away, the store closes the watch or the time is up. */
    void awaitEnd(Duration limit) throws InterruptedException {
        closed.await(limit.toMillis(), TimeUnit.MILLISECONDS);
    }
}
