package io.netform.nsxsim.seed;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/** The Policy paths a Terraform v4 state's nsxt resources and data sources hold in their attributes. */
public final class StatePaths {

    /** {@code provider["registry.terraform.io/vmware/nsxt"]}, with or without {@code .alias}. */
    private static final Pattern NSXT_PROVIDER = Pattern.compile(".*/nsxt\"\\](\\..*)?");

    private StatePaths() {}

    /**
     * Every text value under {@code /infra/} in the attributes of the state's nsxt instances, in state order.
     *
     * @throws IllegalArgumentException when {@code state} is not a version 4 state
     */
    public static Set<String> of(JsonNode state) {
        if (state == null || state.path("version").asInt() != 4) {
            throw new IllegalArgumentException("not a Terraform state of version 4 (as netform state pull prints)");
        }
        Set<String> paths = new LinkedHashSet<>();
        for (JsonNode resource : state.path("resources")) {
            if (NSXT_PROVIDER.matcher(resource.path("provider").asText()).matches()) {
                resource.path("instances").forEach(instance -> collect(instance.path("attributes"), paths));
            }
        }
        return paths;
    }

    private static void collect(JsonNode node, Set<String> paths) {
        if (node.isTextual() && node.asText().startsWith("/infra/")) {
            paths.add(node.asText());
        }
        node.forEach(child -> collect(child, paths));
    }
}
