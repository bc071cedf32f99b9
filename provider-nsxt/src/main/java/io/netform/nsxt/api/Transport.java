package io.netform.nsxt.api;

import java.io.IOException;

/** Sends one request to an NSX Manager (real or simulated) and returns its answer as is. */
public interface Transport extends AutoCloseable {

    /**
     * Sends the request once; no retries.
     *
     * @throws IOException when the connection failed or was reset
     */
    NsxResponse send(NsxRequest request) throws IOException;

    /** Where requests go, for messages, e.g. {@code https://nsx.example.com}. */
    String endpoint();

    @Override
    default void close() {}
}
