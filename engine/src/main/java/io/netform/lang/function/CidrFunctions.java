package io.netform.lang.function;

import io.netform.net.IpPrefix;
import io.netform.value.Type;
import io.netform.value.Value;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** cidrhost cidrnetmask cidrsubnet cidrsubnets, and OpenTofu's cidrcontains, for IPv4 and IPv6 prefixes. */
final class CidrFunctions {
    private CidrFunctions() {}

    static List<Function> all() {
        return List.of(cidrcontains(), cidrhost(), cidrnetmask(), cidrsubnet(), cidrsubnets());
    }

    private static IpPrefix prefix(Value v) throws FunctionException {
        try {
            return IpPrefix.parse(v.asString());
        } catch (IllegalArgumentException e) {
            throw new FunctionException("invalid CIDR expression: " + e.getMessage());
        }
    }

    /** Terraform reports a bad number for these functions as a failure of the call. */
    private static BigInteger bigInteger(Value v) throws FunctionException {
        try {
            return Arguments.bigInteger(v, 0);
        } catch (FunctionException e) {
            throw new FunctionException(e.reason());
        }
    }

    /**
     * Whether an address, or every address of a prefix, lies inside a prefix; comparing IPv4 with
     * IPv6 is an error rather than false.
     */
    private static Function cidrcontains() {
        return Function.builder("cidrcontains")
                .param("containing_prefix", Type.STRING)
                .param("contained_ip_or_prefix", Type.STRING)
                .returns(Type.BOOL)
                .impl((args, t) -> {
                    String outer = args.get(0).asString();
                    String inner = args.get(1).asString();
                    IpPrefix containing;
                    try {
                        containing = IpPrefix.parse(outer);
                    } catch (IllegalArgumentException e) {
                        throw new FunctionException(e.getMessage());
                    }
                    IpPrefix contained = IpPrefix.parseAddress(inner);
                    if (contained == null) {
                        try {
                            contained = IpPrefix.parse(inner);
                        } catch (IllegalArgumentException e) {
                            throw new FunctionException("invalid IP address or prefix: " + inner);
                        }
                    }
                    if (contained.bits() != containing.bits()) {
                        throw new FunctionException("address family mismatch: " + outer + " vs. " + inner);
                    }
                    return Value.bool(
                            containing.contains(contained.address()) && containing.contains(contained.last()));
                })
                .build();
    }

    private static Function cidrhost() {
        return Function.builder("cidrhost")
                .param("prefix", Type.STRING)
                .param("hostnum", Type.NUMBER)
                .returns(Type.STRING)
                .impl((args, t) -> {
                    BigInteger hostnum = bigInteger(args.get(1));
                    IpPrefix network = prefix(args.get(0));
                    BigInteger max = IpPrefix.allOnes(network.bits() - network.length());
                    BigInteger magnitude = hostnum;
                    BigInteger number = hostnum;
                    if (hostnum.signum() < 0) {
                        magnitude = hostnum.negate().subtract(BigInteger.ONE);
                        number = max.subtract(magnitude);
                    }
                    if (magnitude.compareTo(max) > 0) {
                        throw new FunctionException(
                                "prefix of " + network.length() + " does not accommodate a host numbered " + number);
                    }
                    return Value.string(IpPrefix.format(network.address().or(number), network.bits()));
                })
                .build();
    }

    private static Function cidrnetmask() {
        return Function.builder("cidrnetmask")
                .param("prefix", Type.STRING)
                .returns(Type.STRING)
                .impl((args, t) -> {
                    IpPrefix network = prefix(args.get(0));
                    if (network.bits() != 32) {
                        throw new FunctionException("IPv6 addresses cannot have a netmask: "
                                + args.get(0).asString());
                    }
                    return Value.string(IpPrefix.format(network.mask(), 32));
                })
                .build();
    }

    private static Function cidrsubnet() {
        return Function.builder("cidrsubnet")
                .param("prefix", Type.STRING)
                .param("newbits", Type.NUMBER)
                .param("netnum", Type.NUMBER)
                .returns(Type.STRING)
                .impl((args, t) -> {
                    long newbits;
                    try {
                        newbits = Arguments.wholeNumber(args.get(1), 1);
                    } catch (FunctionException e) {
                        throw new FunctionException(e.reason());
                    }
                    BigInteger netnum = bigInteger(args.get(2));
                    IpPrefix network = prefix(args.get(0));
                    if (newbits < 0) {
                        throw new FunctionException("newbits must not be negative");
                    }
                    if (network.length() + newbits > network.bits()) {
                        throw new FunctionException("insufficient address space to extend prefix of " + network.length()
                                + " by " + newbits);
                    }
                    int length = (int) (network.length() + newbits);
                    if (netnum.signum() < 0) {
                        throw new FunctionException("netnum must not be negative");
                    }
                    if (netnum.compareTo(IpPrefix.allOnes((int) newbits)) > 0) {
                        throw new FunctionException(
                                "prefix extension of " + newbits + " does not accommodate a subnet numbered " + netnum);
                    }
                    BigInteger address = network.address().or(netnum.shiftLeft(network.bits() - length));
                    return Value.string(new IpPrefix(address, length, network.bits()).toString());
                })
                .build();
    }

    private static Function cidrsubnets() {
        return Function.builder("cidrsubnets")
                .param("prefix", Type.STRING)
                .variadic(Parameter.of("newbits", Type.NUMBER))
                .returns(Type.list(Type.STRING))
                .impl((args, t) -> {
                    IpPrefix network;
                    try {
                        network = IpPrefix.parse(args.get(0).asString());
                    } catch (IllegalArgumentException e) {
                        throw FunctionException.argument(0, "invalid CIDR expression: " + e.getMessage());
                    }
                    List<Value> result = new ArrayList<>();
                    if (args.size() == 1) {
                        return Value.list(Type.STRING, result);
                    }
                    int first = network.length() + (int) Arguments.wholeNumber(args.get(1), 1);
                    IpPrefix current = previous(network, first);
                    for (int i = 1; i < args.size(); i++) {
                        long extension = Arguments.wholeNumber(args.get(i), i);
                        if (extension < 1) {
                            throw FunctionException.argument(i, "must extend prefix by at least one bit");
                        }
                        if (extension > 32) {
                            throw FunctionException.argument(i, "may not extend prefix by more than 32 bits");
                        }
                        int length = network.length() + (int) extension;
                        if (length > network.bits()) {
                            throw FunctionException.argument(
                                    i,
                                    "would extend prefix to " + length + " bits, which is too long for an "
                                            + (network.bits() == 32 ? "IPv4" : "IPv6") + " address");
                        }
                        IpPrefix next = next(current, length);
                        if (next == null || !network.contains(next.address())) {
                            throw FunctionException.argument(
                                    i,
                                    "not enough remaining address space for a subnet with a" + " prefix of " + length
                                            + " bits after " + current);
                        }
                        current = next;
                        result.add(Value.string(current.toString()));
                    }
                    return Value.list(Type.STRING, result);
                })
                .build();
    }

    /** The subnet of {@code length} just below the start of {@code network} (wrapping at zero). */
    private static IpPrefix previous(IpPrefix network, int length) {
        int clamped = Math.max(0, Math.min(length, network.bits()));
        BigInteger modulus = BigInteger.ONE.shiftLeft(network.bits());
        BigInteger below = network.address().subtract(BigInteger.ONE).mod(modulus);
        return new IpPrefix(below, clamped, network.bits()).masked();
    }

    /** The subnet of {@code length} just after {@code current}, or null if that wraps past the end. */
    private static IpPrefix next(IpPrefix current, int length) {
        IpPrefix widened = new IpPrefix(current.last(), length, current.bits()).masked();
        BigInteger after = widened.last().add(BigInteger.ONE);
        if (after.bitLength() > current.bits()) {
            return null;
        }
        return new IpPrefix(after, length, current.bits()).masked();
    }
}
