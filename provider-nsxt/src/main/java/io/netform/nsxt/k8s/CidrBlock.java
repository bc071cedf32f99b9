package io.netform.nsxt.k8s;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An IPv4 or IPv6 CIDR block as its first address and prefix length, able to take other blocks out. */
public record CidrBlock(BigInteger first, int prefix, int bits) {

    /** The block written as {@code address/prefix}; empty when it is not one (host bits set are allowed, as Kubernetes allows). */
    public static Optional<CidrBlock> parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0 || !text.substring(0, slash).matches("[0-9a-fA-F:.]+")) {
            return Optional.empty();
        }
        try {
            byte[] address = InetAddress.getByName(text.substring(0, slash)).getAddress();
            int bits = address.length * 8;
            int prefix = Integer.parseInt(text.substring(slash + 1));
            if (prefix < 0 || prefix > bits) {
                return Optional.empty();
            }
            BigInteger value = new BigInteger(1, address);
            BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE.shiftLeft(bits - prefix));
            return Optional.of(new CidrBlock(value.and(mask), prefix, bits));
        } catch (UnknownHostException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The last address of the block. */
    public BigInteger last() {
        return first.add(BigInteger.ONE.shiftLeft(bits - prefix)).subtract(BigInteger.ONE);
    }

    /** True when the other block lies wholly inside this one. */
    public boolean contains(CidrBlock other) {
        return other.bits == bits && other.first.compareTo(first) >= 0 && other.last().compareTo(last()) <= 0;
    }

    private boolean overlaps(CidrBlock other) {
        return other.bits == bits && other.first.compareTo(last()) <= 0 && other.last().compareTo(first) >= 0;
    }

    /** This block minus the others, as the fewest aligned blocks, in address order. */
    public List<CidrBlock> without(List<CidrBlock> others) {
        List<CidrBlock> remaining = new ArrayList<>();
        collectWithout(others, remaining);
        return List.copyOf(remaining);
    }

    private void collectWithout(List<CidrBlock> others, List<CidrBlock> into) {
        if (others.stream().anyMatch(o -> o.contains(this))) {
            return;
        }
        if (others.stream().noneMatch(this::overlaps)) {
            into.add(this);
            return;
        }
        // Some exception lies strictly inside: split in halves, each half is smaller than this block.
        BigInteger half = BigInteger.ONE.shiftLeft(bits - prefix - 1);
        new CidrBlock(first, prefix + 1, bits).collectWithout(others, into);
        new CidrBlock(first.add(half), prefix + 1, bits).collectWithout(others, into);
    }

    @Override
    public String toString() {
        byte[] raw = first.toByteArray();
        byte[] address = new byte[bits / 8];
        int copy = Math.min(raw.length, address.length);
        System.arraycopy(raw, raw.length - copy, address, address.length - copy, copy);
        try {
            String host = InetAddress.getByAddress(address).getHostAddress();
            return host + "/" + prefix;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
