package io.netform.nsxt.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.nsxt.api.NsxApiException;
import io.netform.nsxt.api.PolicyClient;
import io.netform.provider.DataSource;
import io.netform.provider.DiagnosticException;
import io.netform.value.AttributePath;
import io.netform.value.Type;
import io.netform.value.Value;
import io.netform.wire.Schema;
import io.netform.wire.SchemaAttribute;
import io.netform.wire.SchemaBlock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@code nsxt_policy_traceflow}: injects a packet at a segment port with a Policy API traceflow,
 * waits for it to finish, and reports whether the packet was delivered, the firewall rule that
 * decided and every hop; the traceflow is deleted afterwards. Reading it again runs a new trace.
 */
final class TraceflowDataSource implements DataSource {

    /** The start of the dynamic port range, the source port of a packet when none is given. */
    static final int EPHEMERAL_PORT = 49152;

    private static final long DEFAULT_TIMEOUT_SECONDS = 30;
    private static final Duration POLL = Duration.ofMillis(500);
    private static final String TRACEFLOWS = "/infra/traceflows/";

    private static final Type HOP = Type.object(hopTypes());

    private final Supplier<PolicyClient> client;

    TraceflowDataSource(Supplier<PolicyClient> client) {
        this.client = client;
    }

    @Override
    public Schema schema() {
        return Schema.of(SchemaBlock.of(
                        SchemaAttribute.string("source")
                                .required()
                                .describedAs("The policy path of the segment port the packet leaves from."),
                        SchemaAttribute.string("destination")
                                .optional()
                                .describedAs("The policy path of a segment port to"
                                        + " send the packet to (its first address binding); or give destination_ip."),
                        SchemaAttribute.string("destination_ip")
                                .optionalComputed()
                                .describedAs("The IPv4 address to send the packet to; or give destination."),
                        SchemaAttribute.string("protocol")
                                .optionalComputed()
                                .describedAs("TCP (default), UDP or ICMP (echo)."),
                        SchemaAttribute.number("destination_port")
                                .optional()
                                .describedAs("The destination port, required for TCP and UDP."),
                        SchemaAttribute.number("source_port")
                                .optionalComputed()
                                .describedAs("The source port for TCP and UDP; " + EPHEMERAL_PORT + " when unset."),
                        SchemaAttribute.number("timeout")
                                .optionalComputed()
                                .describedAs("How many seconds to wait for the" + " traceflow to finish; "
                                        + DEFAULT_TIMEOUT_SECONDS + " when unset."),
                        SchemaAttribute.string("source_ip").computed().describedAs("The source port's address."),
                        SchemaAttribute.string("verdict")
                                .computed()
                                .describedAs("DELIVERED, DROPPED, FORWARDED (left NSX"
                                        + " through a gateway uplink) or UNKNOWN."),
                        SchemaAttribute.string("acl_rule_path")
                                .computed()
                                .describedAs(
                                        "The firewall rule that dropped the"
                                                + " packet, or else the last rule that allowed it; null when none reported itself."),
                        SchemaAttribute.of("hops", Type.list(HOP))
                                .computed()
                                .describedAs("The observations in order: sequence_no, resource_type, component_type,"
                                        + " component_name, component_path, reason, acl_rule_path."))
                .describedAs("Runs an NSX traceflow from a segment port and reports where the packet went."));
    }

    @Override
    public void validate(Value config) {
        Value destination = config.getAttr("destination");
        Value address = config.getAttr("destination_ip");
        if (destination.isKnown() && address.isKnown() && destination.isNull() == address.isNull()) {
            throw new DiagnosticException(
                    "Invalid traceflow destination",
                    "Give exactly one of destination" + " (a segment port path) and destination_ip (an IPv4 address).",
                    AttributePath.of("destination"));
        }
        if (known(address) && !isIpv4(address.asString())) {
            throw new DiagnosticException(
                    "Invalid traceflow destination",
                    "\"" + address.asString() + "\" is not an IPv4 address.",
                    AttributePath.of("destination_ip"));
        }
        Value protocol = config.getAttr("protocol");
        if (known(protocol) && !TraceflowPacket.PROTOCOLS.contains(protocol.asString())) {
            throw new DiagnosticException(
                    "Invalid traceflow protocol",
                    "\"" + protocol.asString() + "\" is not one of " + String.join(", ", TraceflowPacket.PROTOCOLS)
                            + ".",
                    AttributePath.of("protocol"));
        }
        boolean icmp = known(protocol) && protocol.asString().equals("ICMP");
        Value port = config.getAttr("destination_port");
        if (protocol.isKnown() && port.isKnown() && !icmp && port.isNull()) {
            throw new DiagnosticException(
                    "Missing traceflow destination port",
                    "A " + (protocol.isNull() ? "TCP" : protocol.asString()) + " traceflow needs destination_port.",
                    AttributePath.of("destination_port"));
        }
        if (icmp && known(port)) {
            throw new DiagnosticException(
                    "Invalid traceflow destination port",
                    "An ICMP echo has no port; remove" + " destination_port.",
                    AttributePath.of("destination_port"));
        }
        requirePort(config, "destination_port");
        requirePort(config, "source_port");
        Value timeout = config.getAttr("timeout");
        if (known(timeout) && timeout.asLong() <= 0) {
            throw new DiagnosticException(
                    "Invalid traceflow timeout",
                    "timeout must be a positive number of" + " seconds.",
                    AttributePath.of("timeout"));
        }
    }

    @Override
    public Value read(Value config) {
        validate(config);
        PolicyClient nsx = client.get();
        String source = config.getAttr("source").asString();
        String sourceIp = boundAddress(nsx, source, "source");
        String destinationIp = config.getAttr("destination").isNull()
                ? config.getAttr("destination_ip").asString()
                : boundAddress(nsx, config.getAttr("destination").asString(), "destination");
        if (destinationIp == null) {
            throw new DiagnosticException(
                    "Traceflow destination has no address",
                    "The segment port " + config.getAttr("destination").asString()
                            + " has no address binding to send a packet to.",
                    AttributePath.of("destination"));
        }
        String protocol = orElse(config.getAttr("protocol"), "TCP");
        int sourcePort = (int)
                (config.getAttr("source_port").isNull()
                        ? EPHEMERAL_PORT
                        : config.getAttr("source_port").asLong());
        int destinationPort = config.getAttr("destination_port").isNull()
                ? 0
                : (int) config.getAttr("destination_port").asLong();
        long timeout = config.getAttr("timeout").isNull()
                ? DEFAULT_TIMEOUT_SECONDS
                : config.getAttr("timeout").asLong();
        TraceflowPacket packet =
                new TraceflowPacket(source, sourceIp, destinationIp, protocol, sourcePort, destinationPort);
        TraceflowOutcome outcome = trace(nsx, packet, Duration.ofSeconds(timeout));

        Map<String, Value> values = new LinkedHashMap<>(config.asMap());
        values.put("destination_ip", Value.string(destinationIp));
        values.put("protocol", Value.string(protocol));
        values.put("source_port", protocol.equals("ICMP") ? Value.nullOf(Type.NUMBER) : Value.number(sourcePort));
        values.put("timeout", Value.number(timeout));
        values.put("source_ip", sourceIp == null ? Value.nullOf(Type.STRING) : Value.string(sourceIp));
        values.put("verdict", Value.string(outcome.verdict()));
        values.put("acl_rule_path", nullable(outcome.aclRulePath()));
        values.put(
                "hops",
                Value.list(
                        HOP,
                        outcome.hops().stream().map(TraceflowDataSource::hop).toList()));
        return Value.object(values);
    }

    /** Creates the traceflow, waits for it, reads its observations and deletes it. */
    private static TraceflowOutcome trace(PolicyClient nsx, TraceflowPacket packet, Duration timeout) {
        String path = TRACEFLOWS + "netform-" + UUID.randomUUID();
        try {
            nsx.patch(path, packet.config(timeout.toMillis()));
        } catch (NsxApiException e) {
            throw new DiagnosticException("Cannot start traceflow from " + packet.sourcePath(), e.detail());
        }
        TraceflowOutcome outcome;
        try {
            awaitFinished(nsx, path, timeout);
            outcome = TraceflowOutcome.of(nsx.list(path + "/observations"));
        } catch (RuntimeException e) {
            deleteAfterFailure(nsx, path, e);
            throw e instanceof NsxApiException
                    ? new DiagnosticException("Traceflow " + path + " failed", ((NsxApiException) e).detail())
                    : e;
        }
        try {
            nsx.delete(path, Map.of());
        } catch (NsxApiException e) {
            throw new DiagnosticException("Cannot delete traceflow " + path, e.detail());
        }
        return outcome;
    }

    private static void awaitFinished(PolicyClient nsx, String path, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode traceflow = nsx.get(path)
                    .orElseThrow(() -> new DiagnosticException(
                            "Traceflow " + path + " disappeared",
                            "NSX no longer has the traceflow while it was running."));
            String state = traceflow.path("operation_state").asText("IN_PROGRESS");
            if (state.equals("FINISHED")) {
                return;
            }
            if (state.equals("FAILED")) {
                throw new DiagnosticException(
                        "Traceflow " + path + " failed", "NSX reports operation_state FAILED" + analysis(traceflow));
            }
            if (System.nanoTime() + POLL.toNanos() > deadline) {
                throw new DiagnosticException(
                        "Traceflow " + path + " did not finish",
                        "It was still " + state + " after " + timeout.toSeconds() + " seconds; raise timeout.");
            }
            PolicyClient.pause(POLL);
        }
    }

    private static String analysis(JsonNode traceflow) {
        List<String> lines = new ArrayList<>();
        traceflow.path("analysis").forEach(line -> lines.add(line.asText()));
        return lines.isEmpty() ? "." : ": " + String.join("; ", lines);
    }

    /** Deletes the traceflow after another failure, which stays the error the user sees. */
    private static void deleteAfterFailure(PolicyClient nsx, String path, RuntimeException failure) {
        try {
            nsx.delete(path, Map.of());
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /** The first address bound to the segment port, or null when it has none. */
    private static String boundAddress(PolicyClient nsx, String portPath, String attribute) {
        ObjectNode port;
        try {
            port = nsx.get(portPath)
                    .orElseThrow(() -> new DiagnosticException(
                            "No such segment port",
                            "NSX has no segment port at " + portPath + ".",
                            AttributePath.of(attribute)));
        } catch (NsxApiException e) {
            throw new DiagnosticException(
                    "Cannot read segment port " + portPath, e.detail(), AttributePath.of(attribute));
        }
        if (!port.path("resource_type").asText("SegmentPort").equals("SegmentPort")) {
            throw new DiagnosticException(
                    "Not a segment port",
                    portPath + " is a " + port.path("resource_type").asText()
                            + "; a traceflow starts and ends at segment ports.",
                    AttributePath.of(attribute));
        }
        JsonNode address = port.path("address_bindings").path(0).path("ip_address");
        return address.isMissingNode() || address.isNull() ? null : address.asText();
    }

    private static Value hop(TraceflowOutcome.Hop hop) {
        Map<String, Value> values = new LinkedHashMap<>();
        values.put("sequence_no", Value.number(hop.sequenceNo()));
        values.put("resource_type", nullable(hop.resourceType()));
        values.put("component_type", nullable(hop.componentType()));
        values.put("component_name", nullable(hop.componentName()));
        values.put("component_path", nullable(hop.componentPath()));
        values.put("reason", nullable(hop.reason()));
        values.put("acl_rule_path", nullable(hop.aclRulePath()));
        values.put("transport_node_name", nullable(hop.transportNodeName()));
        values.put("message", nullable(hop.message()));
        return Value.object(values);
    }

    private static Map<String, Type> hopTypes() {
        Map<String, Type> types = new LinkedHashMap<>();
        types.put("sequence_no", Type.NUMBER);
        for (String name : List.of(
                "resource_type",
                "component_type",
                "component_name",
                "component_path",
                "reason",
                "acl_rule_path",
                "transport_node_name",
                "message")) {
            types.put(name, Type.STRING);
        }
        return types;
    }

    private static void requirePort(Value config, String attribute) {
        Value port = config.getAttr(attribute);
        if (known(port) && (port.asLong() < 1 || port.asLong() > 65535)) {
            throw new DiagnosticException(
                    "Invalid traceflow port",
                    attribute + " must be between 1 and 65535, not " + port.asLong() + ".",
                    AttributePath.of(attribute));
        }
    }

    private static boolean known(Value value) {
        return value.isKnown() && !value.isNull();
    }

    private static String orElse(Value value, String fallback) {
        return value.isNull() ? fallback : value.asString();
    }

    private static Value nullable(String text) {
        return text == null ? Value.nullOf(Type.STRING) : Value.string(text);
    }

    private static boolean isIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty()
                    || part.length() > 3
                    || !part.chars().allMatch(Character::isDigit)
                    || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }
}
