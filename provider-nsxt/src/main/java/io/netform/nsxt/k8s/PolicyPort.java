package io.netform.nsxt.k8s;

import java.util.Optional;

/**
 * One item of a rule's {@code ports}: a protocol with either every port, a port range
 * ({@code port}..{@code endPort}, one port when they are equal), or a named container port.
 */
public record PolicyPort(L4Protocol protocol, Optional<PortRange> range, Optional<String> name) {

    /** An inclusive range of port numbers. */
    public record PortRange(int first, int last) {

        /** How NSX writes it in destination_ports: {@code 80} or {@code 8000-8080}. */
        public String nsxText() {
            return first == last ? String.valueOf(first) : first + "-" + last;
        }
    }

    /** Every port of the protocol. */
    public static PolicyPort all(L4Protocol protocol) {
        return new PolicyPort(protocol, Optional.empty(), Optional.empty());
    }

    /** The ports from first to last. */
    public static PolicyPort numbered(L4Protocol protocol, int first, int last) {
        return new PolicyPort(protocol, Optional.of(new PortRange(first, last)), Optional.empty());
    }

    /** A port named in the destination pod's containers. */
    public static PolicyPort named(L4Protocol protocol, String name) {
        return new PolicyPort(protocol, Optional.empty(), Optional.of(name));
    }
}
