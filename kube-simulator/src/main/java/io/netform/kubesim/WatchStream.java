package io.netform.kubesim;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.WebSocket;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A watch answered as Kubernetes streams it over HTTP: one JSON event per line of a chunked
 * response. fabric8's store sends watch events to a WebSocket; this is that socket, writing each
 * event to the response instead, so both {@code kubectl get -w} and fabric8's HTTP watch read them.
 */
final class WatchStream implements WebSocket {

    private final RecordedRequest request;
    private final CountDownLatch closed = new CountDownLatch(1);
    /** The events the store sends while it registers the watch, before the response has begun. */
    private final ByteArrayOutputStream early = new ByteArrayOutputStream();
    /** The response body, once the watch is registered and the headers sent. */
    private OutputStream out;
    /** Each object version this watch has announced as ADDED, as {@code uid@resourceVersion}. */
    private final Set<String> added = new HashSet<>();

    WatchStream(RecordedRequest request) {
        this.request = request;
    }

    /**
     * Streams to {@code body} from now on, beginning with the events sent while the watch was being
     * registered. A client counts its watch as started when the response headers arrive, so they go out
     * only after the store has registered it: a change the client makes then reaches the watch once,
     * neither missed nor both listed as existing and sent as new.
     */
    synchronized void streamTo(OutputStream body) throws IOException {
        out = body;
        early.writeTo(out);
        out.flush();
    }

    @Override
    public RecordedRequest request() {
        return request;
    }

    /**
     * Sends one event, unless it announces as ADDED an object version this watch already announced. fabric8's
     * store lists the existing objects to a new watch on a thread of its own, so an object created just as
     * the watch opens can come both listed and as its creation; a Kubernetes watch sends each version once.
     */
    @Override
    public synchronized boolean send(String text) {
        String event = ObjectStore.tidy(text);
        JsonNode tree = ObjectStore.parse(event);
        JsonNode metadata = tree.path("object").path("metadata");
        if (tree.path("type").asText().equals("ADDED")
                && !added.add(metadata.path("uid").asText() + "@"
                        + metadata.path("resourceVersion").asText())) {
            return true;
        }
        return send(event.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public synchronized boolean send(byte[] bytes) {
        if (out == null) {
            early.writeBytes(bytes);
            early.write('\n');
            return true;
        }
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
