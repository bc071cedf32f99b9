package io.netform.nsxt.k8s;

import io.netform.net.IpPrefix;
import java.util.List;

/** A peer that selects addresses: a CIDR without the CIDRs of {@code except}. */
public record IpBlockPeer(String cidr, List<String> except) implements Peer {

    public IpBlockPeer {
        except = List.copyOf(except);
    }

    /** The CIDRs left when the exceptions are taken out of the block, fewest possible. */
    public List<String> remainingCidrs() {
        return IpPrefix.parse(cidr).without(except.stream().map(IpPrefix::parse).toList()).stream()
                .map(IpPrefix::toExpandedString)
                .toList();
    }
}
