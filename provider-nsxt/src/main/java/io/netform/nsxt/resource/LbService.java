package io.netform.nsxt.resource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.field.Fields;
import io.netform.value.Value;
import io.netform.wire.SchemaAttribute;
import java.util.Map;

/**
 * {@code nsxt_policy_lb_service}: a load balancer attached to a tier-1 gateway through
 * {@code connectivity_path}; deleted with {@code force=true} as terraform-provider-nsxt deletes it,
 * so that its virtual servers do not block the delete.
 */
final class LbService extends PolicyResource {

    /** terraform-provider-nsxt deletes every load-balancer object this way. */
    static final Map<String, String> FORCE = Map.of("force", "true");

    static final Fields<ObjectNode> FIELDS = CommonFields.builder()
            .add(SchemaAttribute.string("connectivity_path")
                    .optional()
                    .describedAs("The tier-1 gateway the load balancer runs on."))
            .add(SchemaAttribute.bool("enabled").withDefault(Value.TRUE).describedAs("Whether the load balancer runs."))
            .add(SchemaAttribute.string("error_log_level")
                    .withDefault(Value.string("INFO"))
                    .describedAs("DEBUG, INFO, WARNING, ERROR, CRITICAL, ALERT or EMERGENCY."))
            .add(SchemaAttribute.string("size")
                    .withDefault(Value.string("SMALL"))
                    .describedAs("SMALL, MEDIUM, LARGE, XLARGE or DLB."))
            .build();

    LbService(ResourceContext context) {
        super(
                PolicyObject.of(
                                "nsxt_policy_lb_service",
                                "A load balancer on a tier-1 gateway.",
                                "LBService",
                                "/infra/lb-services/{id}",
                                FIELDS)
                        .deletedWith(FORCE),
                context);
    }
}
