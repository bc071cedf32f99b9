package io.netform.nsxt.resource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.field.Fields;
import io.netform.nsxt.schema.JsonNodes;
import io.netform.provider.DiagnosticException;
import io.netform.value.AttributePath;
import io.netform.value.Type;
import io.netform.value.Value;
import io.netform.wire.NestedBlock;
import io.netform.wire.SchemaAttribute;

/**
 * {@code nsxt_policy_ip_pool_static_subnet}: a subnet of a pool given by the user: its network,
 * the ranges NSX hands addresses out of, the gateway and DNS settings.
 */
final class IpPoolStaticSubnet extends PolicyResource {

    private static final int MAX_NAMESERVERS = 3;

    static final Fields<ObjectNode> RANGE = Fields.builder(JsonNodes.OBJECTS)
            .add(SchemaAttribute.string("start").required().describedAs("The first address of the range."))
            .add(SchemaAttribute.string("end").required().describedAs("The last address of the range."))
            .build();

    static final Fields<ObjectNode> FIELDS = CommonFields.builder()
            .local(IpPool.POOL_PATH)
            .add(SchemaAttribute.string("cidr").required().describedAs("The subnet's network, e.g. 192.168.10.0/24."))
            .block(NestedBlock.list("allocation_range", RANGE.block()).withItems(1, 0), RANGE, "allocation_ranges")
            .add(SchemaAttribute.string("gateway").optional().describedAs("The default gateway address."), "gateway_ip")
            .add(SchemaAttribute.of("dns_nameservers", Type.list(Type.STRING))
                    .optional()
                    .describedAs("Up to 3 DNS servers."))
            .add(SchemaAttribute.string("dns_suffix").optional().describedAs("The DNS suffix."))
            .build();

    IpPoolStaticSubnet(ResourceContext context) {
        super(
                PolicyObject.of(
                        "nsxt_policy_ip_pool_static_subnet",
                        "A pool subnet with ranges given by the user.",
                        "IpAddressPoolStaticSubnet",
                        "{pool_path}/ip-subnets/{id}",
                        FIELDS),
                context);
    }

    @Override
    public void validate(Value config) {
        Value servers = config.getAttr("dns_nameservers");
        if (servers.isKnown() && !servers.isNull() && servers.length() > MAX_NAMESERVERS) {
            throw new DiagnosticException(
                    "Too many DNS servers",
                    "dns_nameservers holds at most " + MAX_NAMESERVERS + " addresses, got " + servers.length() + ".",
                    AttributePath.of("dns_nameservers"));
        }
    }
}
