package io.netform.nsxt.resource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.field.Fields;
import io.netform.nsxt.api.NsxApiException;
import io.netform.nsxt.api.Realization;
import io.netform.provider.DiagnosticException;
import io.netform.value.Value;
import io.netform.wire.SchemaAttribute;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code nsxt_policy_ip_address_allocation}: one address of a pool, the given one or, when
 * {@code allocation_ip} is left unset, one NSX picks and reports in the realized entity's
 * {@code allocation_ip} attribute.
 */
final class IpAddressAllocation extends PolicyResource {

    private static final String ALLOCATION_IP = "allocation_ip";
    private static final long DEFAULT_TIMEOUT_SECONDS = 1200;

    static final Fields<ObjectNode> FIELDS = CommonFields.builder()
            .local(IpPool.POOL_PATH)
            .add(SchemaAttribute.string(ALLOCATION_IP)
                    .optionalComputed()
                    .forceNew()
                    .describedAs("The allocated address; NSX picks a free one when unset."))
            .local(SchemaAttribute.number("timeout")
                    .withDefault(Value.number(DEFAULT_TIMEOUT_SECONDS))
                    .describedAs("How long to wait, in seconds, for NSX to allocate the address."))
            .build();

    IpAddressAllocation(ResourceContext context) {
        super(
                PolicyObject.of(
                        "nsxt_policy_ip_address_allocation",
                        "An address allocated from an IP pool.",
                        "IpAddressAllocation",
                        "{pool_path}/ip-allocations/{id}",
                        FIELDS),
                context);
    }

    @Override
    public Value importState(String idOrPath) {
        return with(super.importState(idOrPath), "timeout", Value.number(DEFAULT_TIMEOUT_SECONDS));
    }

    /** When NSX picks the address, waits for realization and takes the address it reports. */
    @Override
    protected Value fetch(String path, Value written) {
        if (written.getAttr(ALLOCATION_IP).isKnown()) {
            return super.fetch(path, written);
        }
        String picked;
        try {
            picked = realizedAddress(path, written);
        } catch (RuntimeException e) {
            // An allocation NSX could not realize holds no address; do not leave it behind.
            client.get().delete(path, Map.of());
            throw e;
        }
        ObjectNode json = client.get()
                .get(path)
                .orElseThrow(() -> new DiagnosticException(
                        "Object vanished", "NSX accepted " + path + " but then could not find it."));
        json.put(ALLOCATION_IP, picked);
        return stateOf(json, written);
    }

    /** NSX's intent may lack an address it picked: then the realized entity holds it. */
    @Override
    protected Value stateOf(ObjectNode json, Value base) {
        if (!json.hasNonNull(ALLOCATION_IP) || json.get(ALLOCATION_IP).asText().isEmpty()) {
            json.put(
                    ALLOCATION_IP,
                    realizedAddress(
                            pathOf(with(base, "id", Value.string(json.path("id").asText()))), base));
        }
        return super.stateOf(json, base);
    }

    private String realizedAddress(String path, Value state) {
        Value timeout = state.getAttr("timeout");
        long seconds = timeout.isKnown() && !timeout.isNull() ? timeout.asLong() : DEFAULT_TIMEOUT_SECONDS;
        List<ObjectNode> entities = client.get().awaitRealized(path, Duration.ofSeconds(seconds));
        return Realization.extendedAttribute(entities, ALLOCATION_IP)
                .orElseThrow(() -> NsxApiException.realization(path, "realized without an allocation_ip"));
    }
}
