package io.netform.nsxt.resource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.field.Fields;
import io.netform.provider.DiagnosticException;
import io.netform.value.AttributePath;
import io.netform.value.Value;
import io.netform.wire.SchemaAttribute;
import java.time.Duration;

/**
 * {@code nsxt_policy_ip_pool_block_subnet}: a subnet of a pool that NSX carves out of an IP block,
 * {@code size} addresses large; the carved network is exported as {@code cidr} when NSX reports it on
 * the subnet. As terraform-provider-nsxt, a create does not wait for realization, and a delete
 * waits until NSX has released the carved range (its realized entities are gone), so that the
 * block can be deleted or carved again right after.
 */
final class IpPoolBlockSubnet extends PolicyResource {

    /** How long to wait for NSX to release the subnet after a delete. */
    static final Duration RELEASE = Duration.ofMinutes(5);

    static final Fields<ObjectNode> FIELDS = CommonFields.builder()
            .local(IpPool.POOL_PATH)
            .add(
                    SchemaAttribute.string("block_path")
                            .required()
                            .forceNew()
                            .describedAs("The IP block to carve from."),
                    "ip_block_path")
            .add(SchemaAttribute.number("size")
                    .required()
                    .forceNew()
                    .describedAs("How many addresses the subnet has; a power of 2."))
            .add(SchemaAttribute.bool("auto_assign_gateway")
                    .withDefault(Value.TRUE)
                    .describedAs("Whether the first address of the subnet is reserved for its gateway."))
            .add(SchemaAttribute.string("cidr").computed().describedAs("The network NSX carved out of the block."))
            .build();

    IpPoolBlockSubnet(ResourceContext context) {
        super(
                PolicyObject.of(
                        "nsxt_policy_ip_pool_block_subnet",
                        "A pool subnet carved from an IP block.",
                        "IpAddressPoolBlockSubnet",
                        "{pool_path}/ip-subnets/{id}",
                        FIELDS),
                context);
    }

    @Override
    public void delete(Value prior) {
        super.delete(prior);
        calling("delete", () -> {
            client.get().awaitUnrealized(pathOf(prior), RELEASE);
            return null;
        });
    }

    @Override
    public void validate(Value config) {
        Value size = config.getAttr("size");
        if (size.isKnown() && !size.isNull()) {
            long n = size.asLong();
            if (n < 1 || Long.bitCount(n) != 1) {
                throw new DiagnosticException(
                        "Invalid size",
                        "size must be a power of 2 (e.g. 64 or 256), got " + n + ".",
                        AttributePath.of("size"));
            }
        }
    }
}
