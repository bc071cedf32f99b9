package io.netform.nsxsim.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.nsxsim.model.Json;
import io.netform.nsxsim.policy.ApiException;
import io.netform.nsxsim.policy.NsxError;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What the simulator does wrong on purpose: added latency (fixed when min = max, else uniform
 * in [min, max]), fractions of requests answered 429, 503 or 500, requests whose path matches a
 * regular expression answered with a given status, a fraction of connections dropped
 * without an answer, and failure domains (availability zones) whose edges are down.
 *
 * @param latencyMinMs     least added latency in milliseconds
 * @param latencyMaxMs     most added latency in milliseconds
 * @param rate429          fraction of requests answered 429 (error_code "102")
 * @param rate503          fraction answered 503
 * @param rate500          fraction answered 500
 * @param dropRate         fraction of requests whose connection is closed without an answer
 * @param failPathPattern  regular expression on the request path, or null for none
 * @param failStatus       the status for requests matching {@code failPathPattern}
 * @param failedFailureDomains the ids of the failure domains whose edge nodes are down, sorted
 */
public record FaultSettings(
        long latencyMinMs,
        long latencyMaxMs,
        double rate429,
        double rate503,
        double rate500,
        double dropRate,
        String failPathPattern,
        int failStatus,
        List<String> failedFailureDomains) {

    /** No faults. */
    public static final FaultSettings NONE = new FaultSettings(0, 0, 0, 0, 0, 0, null, 500, List.of());

    private static final Set<String> FIELDS = Set.of(
            "latency_min_ms",
            "latency_max_ms",
            "rate_429",
            "rate_503",
            "rate_500",
            "drop_rate",
            "fail_path_pattern",
            "fail_status",
            "failed_failure_domains");

    /** Settings with every failure domain up. */
    public FaultSettings(
            long latencyMinMs,
            long latencyMaxMs,
            double rate429,
            double rate503,
            double rate500,
            double dropRate,
            String failPathPattern,
            int failStatus) {
        this(latencyMinMs, latencyMaxMs, rate429, rate503, rate500, dropRate, failPathPattern, failStatus, List.of());
    }

    /** Checks the ranges. */
    public FaultSettings {
        failedFailureDomains = List.copyOf(new TreeSet<>(failedFailureDomains));
        if (latencyMinMs < 0 || latencyMaxMs < latencyMinMs) {
            throw new IllegalArgumentException(
                    "latency must satisfy 0 <= min <= max, got " + latencyMinMs + ".." + latencyMaxMs);
        }
        for (double rate : new double[] {rate429, rate503, rate500, dropRate}) {
            if (rate < 0 || rate > 1) {
                throw new IllegalArgumentException("fault rates must lie in [0, 1], got " + rate);
            }
        }
        if (rate429 + rate503 + rate500 + dropRate > 1) {
            throw new IllegalArgumentException("fault rates add up to more than 1");
        }
        if (failStatus < 400 || failStatus > 599) {
            throw new IllegalArgumentException("fail_status must be an HTTP error status, got " + failStatus);
        }
        if (failPathPattern != null) {
            try {
                Pattern.compile(failPathPattern);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(
                        "fail_path_pattern is not a regular expression: " + e.getDescription());
            }
        }
    }

    /** The settings of the command line: a fixed latency and a failure rate split evenly over 429, 503 and 500. */
    public static FaultSettings fromFlags(long latencyMs, double faultRate) {
        return new FaultSettings(latencyMs, latencyMs, faultRate / 3, faultRate / 3, faultRate / 3, 0, null, 500);
    }

    /** Reads the admin endpoint's JSON; absent fields keep their current value. */
    public FaultSettings merge(JsonNode json) {
        if (!json.isObject()) {
            throw new ApiException(NsxError.unreadable("fault settings must be a JSON object"));
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new ApiException(NsxError.unreadable(
                        "property " + name + " is unrecognized; fault settings " + "have " + FIELDS));
            }
        }
        try {
            return new FaultSettings(
                    json.path("latency_min_ms").asLong(latencyMinMs),
                    json.path("latency_max_ms")
                            .asLong(
                                    json.has("latency_min_ms") && !json.has("latency_max_ms")
                                            ? json.get("latency_min_ms").asLong()
                                            : latencyMaxMs),
                    json.path("rate_429").asDouble(rate429),
                    json.path("rate_503").asDouble(rate503),
                    json.path("rate_500").asDouble(rate500),
                    json.path("drop_rate").asDouble(dropRate),
                    json.has("fail_path_pattern")
                            ? json.get("fail_path_pattern").textValue()
                            : failPathPattern,
                    json.path("fail_status").asInt(failStatus),
                    json.has("failed_failure_domains")
                            ? domains(json.get("failed_failure_domains"))
                            : failedFailureDomains);
        } catch (IllegalArgumentException e) {
            throw new ApiException(NsxError.invalid("fault settings: " + e.getMessage()));
        }
    }

    private static List<String> domains(JsonNode json) {
        if (!json.isArray()) {
            throw new IllegalArgumentException("failed_failure_domains must be a list of failure domain ids");
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode id : json) {
            if (!id.isTextual()) {
                throw new IllegalArgumentException("failed_failure_domains must be a list of failure domain ids");
            }
            ids.add(id.asText());
        }
        return ids;
    }

    /** The settings as the admin endpoint shows them. */
    public ObjectNode toJson() {
        ObjectNode json = Json.object();
        json.put("latency_min_ms", latencyMinMs);
        json.put("latency_max_ms", latencyMaxMs);
        json.put("rate_429", rate429);
        json.put("rate_503", rate503);
        json.put("rate_500", rate500);
        json.put("drop_rate", dropRate);
        json.put("fail_path_pattern", failPathPattern);
        json.put("fail_status", failStatus);
        failedFailureDomains.forEach(json.putArray("failed_failure_domains")::add);
        return json;
    }
}
