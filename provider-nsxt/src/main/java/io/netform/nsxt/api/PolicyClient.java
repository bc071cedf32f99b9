package io.netform.nsxt.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.json.ExactJson;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The NSX Policy API as resources use it: get, patch, put, delete, hierarchical patch, list with
 * paging, search, and waiting for realization. Every call goes through the throttle and is retried
 * as the retry policy says; a refusal becomes an {@link NsxApiException}.
 */
public final class PolicyClient implements AutoCloseable {

    /** The Policy API's base path. */
    public static final String BASE = "/policy/api/v1";
    /** terraform-provider-nsxt polls realization every second. */
    static final Duration REALIZATION_POLL = Duration.ofSeconds(1);

    private static final Logger LOG = Logger.getLogger(PolicyClient.class.getName());
    private static final ObjectMapper JSON = ExactJson.MAPPER;

    private final Transport transport;
    private final RetryPolicy retries;
    private final Throttle throttle;
    private final AtomicLong requests = new AtomicLong();

    public PolicyClient(Transport transport, RetryPolicy retries, Throttle throttle) {
        this.transport = transport;
        this.retries = retries;
        this.throttle = throttle;
    }

    /** A fresh, empty JSON object. */
    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** The object at the path, or empty when NSX says it does not exist. */
    public Optional<ObjectNode> get(String path) {
        try {
            return Optional.of(json(call(new NsxRequest("GET", path, Map.of(), null))));
        } catch (NsxApiException e) {
            if (e.isNotFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Creates or merges the object (NSX answers 204). */
    public void patch(String path, ObjectNode body) {
        call(new NsxRequest("PATCH", path, Map.of(), text(body)));
    }

    /** Replaces the object, checking its {@code _revision}; returns the stored object. */
    public ObjectNode put(String path, ObjectNode body) {
        return json(call(new NsxRequest("PUT", path, Map.of(), text(body))));
    }

    /** Patches the hierarchy under {@code /infra} in one call (the H-API). */
    public void patchInfra(ObjectNode infra, boolean enforceRevisionCheck) {
        call(new NsxRequest(
                "PATCH",
                "/infra",
                Map.of("enforce_revision_check", String.valueOf(enforceRevisionCheck)),
                text(infra)));
    }

    /**
     * Deletes the object.
     *
     * @return false when it did not exist
     */
    public boolean delete(String path, Map<String, String> query) {
        try {
            call(new NsxRequest("DELETE", path, query, null));
            return true;
        } catch (NsxApiException e) {
            if (e.isNotFound()) {
                return false;
            }
            throw e;
        }
    }

    /** Every object of a collection, following the cursor through all pages. */
    public List<ObjectNode> list(String collectionPath) {
        return pages(collectionPath, Map.of());
    }

    /** The results of a search API query (Lucene syntax), all pages. */
    public List<ObjectNode> search(String query) {
        return pages("/search/query", Map.of("query", query));
    }

    /**
     * Waits until NSX has realized the object at the intent path, polling as terraform-provider-nsxt
     * does: now, then once a second.
     *
     * @return the realized entities
     * @throws NsxApiException when realization ends in ERROR or does not finish within the timeout
     */
    public List<ObjectNode> awaitRealized(String intentPath, Duration timeout) {
        List<ObjectNode> entities = awaitSettled(intentPath, null, timeout, Realization::stateOf);
        if (Realization.stateOf(entities).equals("ERROR")) {
            throw Realization.failed(intentPath, entities);
        }
        return entities;
    }

    /**
     * Polls the realized entities of the intent path (of a site, when given), now and then once a
     * second, until {@code stateOf} finds them REALIZED or ERROR.
     *
     * @return the realized entities at that moment
     * @throws NsxApiException when they are still pending after the timeout
     */
    public List<ObjectNode> awaitSettled(
            String intentPath, String sitePath, Duration timeout, Function<List<ObjectNode>, String> stateOf) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("intent_path", intentPath);
        if (sitePath != null) {
            query.put("site_path", sitePath);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<ObjectNode> entities =
                    pagesOf(call(new NsxRequest("GET", "/infra/realized-state/realized-entities", query, null)));
            String state = stateOf.apply(entities);
            if (state.equals("REALIZED") || state.equals("ERROR")) {
                return entities;
            }
            if (System.nanoTime() + REALIZATION_POLL.toNanos() > deadline) {
                throw Realization.timedOut(intentPath, state, timeout);
            }
            pause(REALIZATION_POLL);
        }
    }

    /**
     * Waits until NSX no longer has realized entities for a deleted intent path (the realized-entities
     * call answers 404), polling as terraform-provider-nsxt does after deleting an IP block subnet:
     * now, then once a second.
     *
     * @throws NsxApiException when they are still there after the timeout
     */
    public void awaitUnrealized(String intentPath, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                call(new NsxRequest(
                        "GET", "/infra/realized-state/realized-entities", Map.of("intent_path", intentPath), null));
            } catch (NsxApiException e) {
                if (e.isNotFound()) {
                    return;
                }
                throw e;
            }
            if (System.nanoTime() + REALIZATION_POLL.toNanos() > deadline) {
                throw NsxApiException.realization(
                        intentPath, "still realized " + timeout.toSeconds() + " s after it was deleted");
            }
            pause(REALIZATION_POLL);
        }
    }

    /** How many HTTP requests this client has sent, retries included. */
    public long requestCount() {
        return requests.get();
    }

    /** Where the client sends requests. */
    public String endpoint() {
        return transport.endpoint();
    }

    @Override
    public void close() {
        transport.close();
    }

    /** Sends the request, retrying as the policy says; the answer when it is 2xx. */
    NsxResponse call(NsxRequest request) {
        for (int attempt = 0; ; attempt++) {
            NsxResponse response;
            try {
                response = sendThrottled(request);
            } catch (HttpTransport.SessionRefusedException e) {
                throw NsxApiException.of(new NsxRequest("POST", "/api/session/create", Map.of(), null), e.response());
            } catch (javax.net.ssl.SSLHandshakeException e) {
                throw NsxApiException.untrusted(request, transport.endpoint(), e);
            } catch (IOException e) {
                if (attempt >= retries.maxRetries()) {
                    throw NsxApiException.unreachable(request, transport.endpoint(), e);
                }
                LOG.fine(() -> request + " failed (" + e + "); retrying");
                pause(retries.delayBefore(attempt + 1));
                continue;
            }
            if (response.isSuccess()) {
                return response;
            }
            if (attempt >= retries.maxRetries() || !retries.retries(response.status()) || response.status() == 404) {
                throw NsxApiException.of(request, response);
            }
            LOG.fine(() -> request + " answered " + response.status() + "; retrying");
            pause(retryDelay(response, attempt + 1));
        }
    }

    private NsxResponse sendThrottled(NsxRequest request) throws IOException {
        try {
            throttle.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("stopped while waiting to call NSX");
        }
        try {
            requests.incrementAndGet();
            return transport.send(request);
        } finally {
            throttle.release();
        }
    }

    /** Honours Retry-After on 429/503 when NSX sends it, within the policy's maximum. */
    private Duration retryDelay(NsxResponse response, int attempt) {
        Duration backoff = retries.delayBefore(attempt);
        String after = response.headers().get("retry-after");
        if (after != null && after.chars().allMatch(Character::isDigit) && !after.isEmpty()) {
            Duration asked = Duration.ofSeconds(Long.parseLong(after));
            Duration ceiling = retries.maxDelay().isZero() ? asked : retries.maxDelay();
            return asked.compareTo(ceiling) > 0 ? ceiling : (asked.compareTo(backoff) > 0 ? asked : backoff);
        }
        return backoff;
    }

    private List<ObjectNode> pages(String path, Map<String, String> query) {
        List<ObjectNode> all = new ArrayList<>();
        Map<String, String> q = new LinkedHashMap<>(query);
        while (true) {
            JsonNode page = json(call(new NsxRequest("GET", path, q, null)));
            all.addAll(pagesOf(page));
            String cursor = page.path("cursor").asText("");
            long total = page.path("result_count").asLong(all.size());
            if (cursor.isEmpty() || all.size() >= total || page.path("results").isEmpty()) {
                return all;
            }
            q.put("cursor", cursor);
        }
    }

    private static List<ObjectNode> pagesOf(NsxResponse response) {
        return pagesOf(json(response));
    }

    private static List<ObjectNode> pagesOf(JsonNode page) {
        List<ObjectNode> results = new ArrayList<>();
        for (JsonNode item : page.path("results")) {
            if (item instanceof ObjectNode) {
                results.add((ObjectNode) item);
            }
        }
        return results;
    }

    /** Sleeps; StopProvider interrupts the call and ends it. */
    public static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("stopped while waiting for NSX");
        }
    }

    private static ObjectNode json(NsxResponse response) {
        try {
            JsonNode node = response.body().isEmpty() ? object() : JSON.readTree(response.body());
            if (!(node instanceof ObjectNode)) {
                throw new IllegalStateException("NSX answered with JSON that is not an object");
            }
            return (ObjectNode) node;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("NSX answered with a body that is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String text(ObjectNode body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
