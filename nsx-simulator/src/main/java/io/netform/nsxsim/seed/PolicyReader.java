package io.netform.nsxsim.seed;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Read access to an NSX Manager's Policy API, and nothing else: the export can only GET, so it
 * cannot change the manager it reads.
 */
public interface PolicyReader {

    /**
     * {@code GET /policy/api/v1<path>?<query>}.
     *
     * @return the body, or null when the manager answers 404
     * @throws IllegalStateException for any other failure, naming the call and NSX's message
     */
    JsonNode get(String path, Map<String, String> query);
}
