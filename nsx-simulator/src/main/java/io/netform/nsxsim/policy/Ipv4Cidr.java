package io.netform.nsxsim.policy;

/**
 * An IPv4 network as a first and last address, parsed from {@code a.b.c.d/len} or a single address.
 * Deliberately not the sdk's {@code io.netform.net.IpPrefix}: the simulator stands in for NSX Manager,
 * an independent implementation, so that a mistake in the shared prefix arithmetic cannot hide itself
 * by agreeing with the provider under test.
 */
record Ipv4Cidr(long first, int prefix) {

    /** Parses CIDR notation; the address is truncated to the network. Returns null when malformed. */
    static Ipv4Cidr parse(String text) {
        if (text == null) {
            return null;
        }
        int slash = text.indexOf('/');
        long address = parseAddress(slash < 0 ? text : text.substring(0, slash));
        if (address < 0) {
            return null;
        }
        int prefix;
        try {
            prefix = slash < 0 ? 32 : Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            return null;
        }
        if (prefix < 0 || prefix > 32) {
            return null;
        }
        long size = 1L << (32 - prefix);
        return new Ipv4Cidr(address - (address % size), prefix);
    }

    /** Parses dotted-quad notation; -1 when malformed. */
    static long parseAddress(String text) {
        String[] parts = text.trim().split("\\.", -1);
        if (parts.length != 4) {
            return -1;
        }
        long value = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
                return -1;
            }
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                return -1;
            }
            value = value * 256 + octet;
        }
        return value;
    }

    /** Dotted-quad notation of an address. */
    static String format(long address) {
        return ((address >> 24) & 255) + "." + ((address >> 16) & 255) + "." + ((address >> 8) & 255) + "."
                + (address & 255);
    }

    /** Number of addresses. */
    long size() {
        return 1L << (32 - prefix);
    }

    /** The last address (the broadcast address for prefixes below 31). */
    long last() {
        return first + size() - 1;
    }

    /** True when the address lies inside. */
    boolean contains(long address) {
        return address >= first && address <= last();
    }

    /** True when the two networks share an address. */
    boolean overlaps(Ipv4Cidr other) {
        return first <= other.last() && other.first <= last();
    }

    @Override
    public String toString() {
        return format(first) + "/" + prefix;
    }
}
