package io.netform.nsxsim.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.nsxsim.model.PolicyPath;
import io.netform.nsxsim.store.ObjectTree;
import io.netform.nsxsim.store.Transaction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * IP address management: carves pool block subnets out of their IP block without overlap,
 * checks static subnets, and hands out addresses of a pool to its allocations.
 */
final class IpAddressing {

    static final String BLOCK_SUBNET = "IpAddressPoolBlockSubnet";
    static final String STATIC_SUBNET = "IpAddressPoolStaticSubnet";

    private IpAddressing() {}

    /** Gives a block subnet its {@code cidr}: kept on update, else the first free aligned range of the block. */
    static void carve(Transaction tx, PolicyPath path, ObjectNode subnet, JsonNode previous) {
        String blockPath = subnet.path("ip_block_path").asText();
        long size = subnet.path("size").asLong(0);
        if (size < 1 || Long.bitCount(size) != 1) {
            throw new ApiException(
                    NsxError.invalid("size of " + path + " must be a power of 2, got " + subnet.get("size")));
        }
        if (previous != null
                && blockPath.equals(previous.path("ip_block_path").asText())
                && size == previous.path("size").asLong()
                && previous.has("cidr")) {
            subnet.put("cidr", previous.get("cidr").asText());
            return;
        }
        Ipv4Cidr block = Ipv4Cidr.parse(tx.get(blockPath).path("cidr").asText(null));
        if (block == null) {
            throw new ApiException(NsxError.invalid("IP block " + blockPath + " has no IPv4 cidr to carve from"));
        }
        List<Ipv4Cidr> taken = new ArrayList<>();
        for (String user : tx.referrersOf(blockPath)) {
            JsonNode other = tx.get(user);
            Ipv4Cidr carved = other == null || user.equals(path.toString())
                    ? null
                    : Ipv4Cidr.parse(other.path("cidr").asText(null));
            if (carved != null
                    && BLOCK_SUBNET.equals(other.path("resource_type").asText())) {
                taken.add(carved);
            }
        }
        taken.sort(Comparator.comparingLong(Ipv4Cidr::first));
        long candidate = block.first();
        for (Ipv4Cidr used : taken) {
            if (used.last() < candidate) {
                continue;
            }
            if (used.first() >= candidate + size) {
                break;
            }
            candidate = alignUp(used.last() + 1, size);
        }
        if (size > block.size() || candidate + size - 1 > block.last()) {
            throw new ApiException(NsxError.exhausted("IP block " + blockPath + " (" + block + ") has no free range of "
                    + size + " addresses left for " + path));
        }
        subnet.put("cidr", new Ipv4Cidr(candidate, 32 - Long.numberOfTrailingZeros(size)).toString());
    }

    /** Checks a static subnet's cidr, ranges and gateway, and that it overlaps no other subnet of its pool. */
    static void checkStatic(ObjectTree tree, PolicyPath path, ObjectNode subnet) {
        Ipv4Cidr cidr = Ipv4Cidr.parse(subnet.path("cidr").asText(null));
        if (cidr == null) {
            throw new ApiException(NsxError.invalid("cidr of " + path + " must be an IPv4 network such as "
                    + "10.0.0.0/24, got " + subnet.get("cidr")));
        }
        int index = 0;
        for (JsonNode range : subnet.path("allocation_ranges")) {
            long start = Ipv4Cidr.parseAddress(range.path("start").asText(""));
            long end = Ipv4Cidr.parseAddress(range.path("end").asText(""));
            if (start < 0 || end < start || !cidr.contains(start) || !cidr.contains(end)) {
                throw new ApiException(NsxError.invalid(
                        "allocation_ranges[" + index + "] of " + path + " must be a start..end range inside " + cidr));
            }
            index++;
        }
        if (subnet.has("gateway_ip")
                && !cidr.contains(Ipv4Cidr.parseAddress(subnet.get("gateway_ip").asText()))) {
            throw new ApiException(NsxError.invalid("gateway_ip of " + path + " must lie inside " + cidr));
        }
        String collection = path.up().toString();
        for (String id : tree.members(collection)) {
            Ipv4Cidr other = id.equals(path.last())
                    ? null
                    : Ipv4Cidr.parse(
                            tree.get(collection + "/" + id).path("cidr").asText(null));
            if (other != null && other.overlaps(cidr)) {
                throw new ApiException(NsxError.overlap(
                        "cidr " + cidr + " of " + path + " overlaps " + other + " of " + collection + "/" + id));
            }
        }
    }

    /** Gives an allocation its {@code allocation_ip}: the requested one if free, else the first free one. */
    static void allocate(ObjectTree tree, PolicyPath path, ObjectNode allocation, JsonNode previous) {
        String pool = path.parentObject().toString();
        String requested = allocation.path("allocation_ip").asText("");
        if (previous != null
                && (requested.isEmpty()
                        || requested.equals(previous.path("allocation_ip").asText()))) {
            allocation.put("allocation_ip", previous.path("allocation_ip").asText());
            return;
        }
        List<long[]> ranges = new ArrayList<>();
        for (String id : tree.members(pool + "/ip-subnets")) {
            ranges.addAll(usableRanges(tree.get(pool + "/ip-subnets/" + id)));
        }
        Set<Long> taken = new HashSet<>();
        for (String id : tree.members(pool + "/ip-allocations")) {
            if (!id.equals(path.last())) {
                taken.add(Ipv4Cidr.parseAddress(tree.get(pool + "/ip-allocations/" + id)
                        .path("allocation_ip")
                        .asText("")));
            }
        }
        if (!requested.isEmpty()) {
            long address = Ipv4Cidr.parseAddress(requested);
            if (ranges.stream().noneMatch(r -> address >= r[0] && address <= r[1])) {
                throw new ApiException(NsxError.invalid("allocation_ip " + requested + " of " + path
                        + " is not an allocatable address of pool " + pool));
            }
            if (taken.contains(address)) {
                throw new ApiException(NsxError.invalid(
                        "allocation_ip " + requested + " of " + path + " is already allocated in pool " + pool));
            }
            return;
        }
        for (long[] range : ranges) {
            for (long address = range[0]; address <= range[1]; address++) {
                if (!taken.contains(address)) {
                    allocation.put("allocation_ip", Ipv4Cidr.format(address));
                    return;
                }
            }
        }
        throw new ApiException(
                NsxError.exhausted("IP pool " + pool + " is exhausted: no free address left for " + path));
    }

    /** The gateway address of a pool subnet, or null when it has none. */
    static String gateway(JsonNode subnet) {
        if (STATIC_SUBNET.equals(subnet.path("resource_type").asText())) {
            return subnet.path("gateway_ip").asText(null);
        }
        Ipv4Cidr cidr = Ipv4Cidr.parse(subnet.path("cidr").asText(null));
        boolean reserved = subnet.path("auto_assign_gateway").asBoolean(true);
        return cidr == null || !reserved || cidr.size() < 4 ? null : Ipv4Cidr.format(cidr.first() + 1);
    }

    /** The subnet in the pool whose addresses include the given allocation address, or null. */
    static String subnetHolding(ObjectTree tree, String pool, long address) {
        for (String id : tree.members(pool + "/ip-subnets")) {
            for (long[] range : usableRanges(tree.get(pool + "/ip-subnets/" + id))) {
                if (address >= range[0] && address <= range[1]) {
                    return pool + "/ip-subnets/" + id;
                }
            }
        }
        return null;
    }

    private static List<long[]> usableRanges(JsonNode subnet) {
        long gateway = subnet == null || gateway(subnet) == null ? -1 : Ipv4Cidr.parseAddress(gateway(subnet));
        List<long[]> ranges = new ArrayList<>();
        if (subnet == null) {
            return ranges;
        }
        if (STATIC_SUBNET.equals(subnet.path("resource_type").asText())) {
            for (JsonNode range : subnet.path("allocation_ranges")) {
                ranges.add(new long[] {
                    Ipv4Cidr.parseAddress(range.path("start").asText()),
                    Ipv4Cidr.parseAddress(range.path("end").asText())
                });
            }
        } else {
            Ipv4Cidr cidr = Ipv4Cidr.parse(subnet.path("cidr").asText(null));
            if (cidr != null && cidr.size() >= 4) {
                ranges.add(new long[] {cidr.first() + 1, cidr.last() - 1});
            }
        }
        List<long[]> withoutGateway = new ArrayList<>();
        for (long[] r : ranges) {
            if (gateway >= r[0] && gateway <= r[1]) {
                if (gateway > r[0]) {
                    withoutGateway.add(new long[] {r[0], gateway - 1});
                }
                if (gateway < r[1]) {
                    withoutGateway.add(new long[] {gateway + 1, r[1]});
                }
            } else {
                withoutGateway.add(r);
            }
        }
        return withoutGateway;
    }

    private static long alignUp(long value, long size) {
        return (value + size - 1) / size * size;
    }
}
