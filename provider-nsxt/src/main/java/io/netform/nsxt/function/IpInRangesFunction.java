package io.netform.nsxt.function;

import io.netform.net.IpPrefix;
import io.netform.provider.FunctionError;
import io.netform.provider.ProviderFunction;
import io.netform.value.Type;
import io.netform.value.Value;
import io.netform.wire.FunctionParameter;
import io.netform.wire.FunctionSignature;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code ip_in_ranges(address, ranges)}: whether an address falls inside any of the ranges, written
 * as an NSX group's IP address expression takes them: single addresses ({@code 10.0.0.5}), CIDR
 * blocks ({@code 10.0.0.0/24}) and ranges ({@code 10.0.0.10-10.0.0.20}), IPv4 or IPv6.
 */
final class IpInRangesFunction implements ProviderFunction {
    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");

    @Override
    public FunctionSignature signature() {
        return FunctionSignature.returning(Type.BOOL)
                .with(
                        FunctionParameter.string("address").describedAs("An IPv4 or IPv6 address."),
                        FunctionParameter.of("ranges", Type.list(Type.STRING))
                                .describedAs("Addresses, CIDR blocks and ranges (FIRST-LAST), as in a group's"
                                        + " ip_addresses."))
                .summarizedAs("Whether an address is in a group's IP ranges")
                .describedAs("Returns true when the address is one of the addresses, lies in one of the CIDR blocks"
                        + " or between the ends of one of the ranges; addresses of the other IP version never match.");
    }

    @Override
    public Value call(List<Value> arguments) {
        String text = arguments.get(0).asString();
        IpPrefix address = address(text)
                .orElseThrow(() -> FunctionError.argument(0, "\"" + text + "\" is not an IPv4 or IPv6 address"));
        List<Value> ranges = arguments.get(1).elements();
        boolean inside = false;
        for (int i = 0; i < ranges.size(); i++) {
            Value range = ranges.get(i);
            if (range.isNull()) {
                throw FunctionError.argument(1, "element " + i + " of the ranges is null");
            }
            inside |= contains(range.asString(), i, address);
        }
        return Value.bool(inside);
    }

    /** Whether {@code range} (element {@code index}) holds {@code address}. */
    private static boolean contains(String range, int index, IpPrefix address) {
        int dash = range.indexOf('-');
        if (dash >= 0) {
            Optional<IpPrefix> first = address(range.substring(0, dash).strip());
            Optional<IpPrefix> last = address(range.substring(dash + 1).strip());
            if (first.isEmpty()
                    || last.isEmpty()
                    || first.get().bits() != last.get().bits()
                    || first.get().address().compareTo(last.get().address()) > 0) {
                throw invalid(range, index);
            }
            BigInteger a = address.address();
            return address.bits() == first.get().bits()
                    && a.compareTo(first.get().address()) >= 0
                    && a.compareTo(last.get().address()) <= 0;
        }
        int slash = range.indexOf('/');
        Optional<IpPrefix> block = slash < 0
                ? address(range)
                : isLiteral(range.substring(0, slash)) ? IpPrefix.tryParse(range) : Optional.empty();
        return block.orElseThrow(() -> invalid(range, index)).contains(address);
    }

    private static FunctionError invalid(String range, int index) {
        return FunctionError.argument(
                1,
                "element " + index + " of the ranges, \"" + range + "\", is not an address,"
                        + " a CIDR block or a range FIRST-LAST");
    }

    /** A single address as a block of one. */
    private static Optional<IpPrefix> address(String text) {
        if (!isLiteral(text)) {
            return Optional.empty();
        }
        return Optional.ofNullable(IpPrefix.parseAddress(text));
    }

    /** Whether the text is written as NSX writes an address: a dotted quad without leading zeros, or with colons. */
    private static boolean isLiteral(String text) {
        return IPV4.matcher(text).matches() || (text.contains(":") && !text.contains("/"));
    }
}
