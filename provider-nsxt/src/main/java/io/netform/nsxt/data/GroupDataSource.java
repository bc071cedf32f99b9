package io.netform.nsxt.data;

import io.netform.nsxt.api.PolicyClient;
import io.netform.value.Value;
import io.netform.wire.SchemaAttribute;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** {@code nsxt_policy_group}: a group of one domain ("default" unless given), by id or display name. */
final class GroupDataSource extends SearchDataSource {

    private static final String DEFAULT_DOMAIN = "default";

    GroupDataSource(Supplier<PolicyClient> client) {
        super(
                "nsxt_policy_group",
                "Group",
                lookupFields()
                        .add(SchemaAttribute.string("domain")
                                .optionalComputed()
                                .describedAs("The domain of the group; \"default\" when unset.")),
                client);
    }

    @Override
    public Value read(Value config) {
        Value found = super.read(config);
        if (!found.getAttr("domain").isNull()) {
            return found;
        }
        Map<String, Value> values = new LinkedHashMap<>(found.asMap());
        values.put("domain", Value.string(DEFAULT_DOMAIN));
        return Value.object(values);
    }

    @Override
    protected List<String> extraTerms(Value config) {
        return List.of("parent_path:" + escape("/infra/domains/" + domainOf(config)));
    }

    private static String domainOf(Value config) {
        Value domain = config.getAttr("domain");
        return domain.isNull() ? DEFAULT_DOMAIN : domain.asString();
    }
}
