package io.netform.nsxt.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.field.Fields;
import io.netform.nsxt.api.NsxApiException;
import io.netform.nsxt.schema.JsonNodes;
import io.netform.provider.DiagnosticException;
import io.netform.value.Value;
import io.netform.wire.SchemaAttribute;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * {@code nsxt_policy_firewall_exclude_list_member}: one path (group, segment or segment port) on
 * the distributed firewall's exclude list, a single NSX object every member shares. Adding and
 * removing read the list, change it and write it back with its revision, starting over when
 * another writer got in between, as terraform-provider-nsxt does.
 */
final class ExcludeListMember extends PolicyResource {

    static final String EXCLUDE_LIST = "/infra/settings/firewall/security/exclude-list";
    /** How many times a change is re-read and re-written when other writers keep winning. */
    static final int ATTEMPTS = 10;

    static final Fields<ObjectNode> FIELDS = Fields.builder(JsonNodes.OBJECTS)
            .custom(
                    SchemaAttribute.string("id").computed().describedAs("The member's path."),
                    null,
                    json -> {},
                    json -> Value.nullOf(io.netform.value.Type.STRING))
            .add(SchemaAttribute.string("member")
                    .required()
                    .forceNew()
                    .describedAs("Policy path of the group, segment or segment port the firewall skips."))
            .build();

    ExcludeListMember(ResourceContext context) {
        super(
                PolicyObject.of(
                        "nsxt_policy_firewall_exclude_list_member",
                        "A member of the distributed firewall's exclude list.",
                        "PolicyExcludeList",
                        EXCLUDE_LIST,
                        FIELDS),
                context);
    }

    @Override
    public Value create(Value planned, Value config) {
        String member = planned.getAttr("member").asString();
        calling(
                "create",
                () -> change(members -> {
                    if (!contains(members, member)) {
                        members.withArray("members").add(member);
                    }
                    return members;
                }));
        return state(member);
    }

    @Override
    public Value read(Value current) {
        String member = current.getAttr("member").asString();
        return calling("read", () -> contains(list(), member) ? state(member) : Value.nullOf(schema().impliedType()));
    }

    @Override
    public Value customizePlan(Value prior, Value planned, Value config) {
        // No revision of its own: the list's belongs to every member.
        return planned;
    }

    @Override
    public Value update(Value prior, Value planned, Value config) {
        // member forces a new resource, so nothing else can change.
        return planned;
    }

    @Override
    public void delete(Value prior) {
        String member = prior.getAttr("member").asString();
        calling(
                "delete",
                () -> change(list -> {
                    JsonNode members = list.path("members");
                    for (int i = members.size() - 1; i >= 0; i--) {
                        if (members.get(i).asText().equals(member)) {
                            list.withArray("members").remove(i);
                        }
                    }
                    return list;
                }));
    }

    @Override
    public Value importState(String member) {
        if (!member.startsWith("/")) {
            throw new DiagnosticException(
                    "Invalid import ID",
                    "An exclude-list member is imported by the policy "
                            + "path of the member, like /infra/segments/web; \"" + member + "\" is not one.");
        }
        return state(member);
    }

    /** Reads the list, applies the change and writes it back, again while the revision is stale. */
    private Void change(UnaryOperator<ObjectNode> edit) {
        for (int attempt = 1; ; attempt++) {
            ObjectNode list = list();
            ObjectNode changed = edit.apply(list.deepCopy());
            if (changed.path("members").equals(list.path("members"))) {
                return null;
            }
            ObjectNode body = changed.objectNode().put("resource_type", "PolicyExcludeList");
            body.set("members", changed.get("members"));
            body.set("_revision", list.get("_revision"));
            try {
                client.get().patch(EXCLUDE_LIST, body);
                return null;
            } catch (NsxApiException e) {
                if (!e.isStaleRevision() || attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private ObjectNode list() {
        return client.get()
                .get(EXCLUDE_LIST)
                .orElseThrow(() -> new DiagnosticException(
                        "No exclude list", "NSX has no distributed firewall exclude list at " + EXCLUDE_LIST + "."));
    }

    private static boolean contains(ObjectNode list, String member) {
        for (JsonNode path : list.path("members")) {
            if (path.asText().equals(member)) {
                return true;
            }
        }
        return false;
    }

    private static Value state(String member) {
        Map<String, Value> values = new LinkedHashMap<>();
        values.put("id", Value.string(member));
        values.put("member", Value.string(member));
        return Value.object(values);
    }
}
