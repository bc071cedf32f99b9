package io.netform.nsxsim.server;

import io.netform.tally.Tally;

/**
 * How many Policy API requests the server has received, by method and path (and the
 * {@code intent_path} of realization queries), counting every attempt, faulted ones too, so tests
 * and benchmarks can see what a client costs NSX. {@link #byRequest()} is keyed
 * {@code "METHOD /policy/api/v1/path[ intent_path=PATH]"}.
 */
public final class RequestCounts extends Tally {

    void record(String method, String path, String intentPath) {
        increment(method + " " + path + (intentPath == null ? "" : " intent_path=" + intentPath));
    }
}
