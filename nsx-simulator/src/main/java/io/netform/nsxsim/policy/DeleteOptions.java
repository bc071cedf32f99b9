package io.netform.nsxsim.policy;

import java.util.Map;

/**
 * The query flags of a DELETE.
 *
 * @param force               skip the reference check where NSX allows it (load-balancer objects)
 * @param cascade             delete a segment together with its ports
 * @param ignoreIpAllocations delete a pool subnet even when allocations use its addresses
 */
public record DeleteOptions(boolean force, boolean cascade, boolean ignoreIpAllocations) {

    /** A plain DELETE. */
    public static final DeleteOptions NONE = new DeleteOptions(false, false, false);

    /** Reads the flags from query parameters. */
    public static DeleteOptions from(Map<String, String> query) {
        return new DeleteOptions(
                Boolean.parseBoolean(query.get("force")),
                Boolean.parseBoolean(query.get("cascade")),
                Boolean.parseBoolean(query.get("ignore_ip_allocations")));
    }
}
