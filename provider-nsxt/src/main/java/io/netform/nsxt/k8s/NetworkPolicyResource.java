package io.netform.nsxt.k8s;

import io.netform.nsxt.api.PolicyClient;
import io.netform.nsxt.resource.PolicyResource;
import io.netform.nsxt.resource.ResourceContext;
import io.netform.provider.Attribute;
import io.netform.provider.Block;
import io.netform.provider.DiagnosticException;
import io.netform.provider.Resource;
import io.netform.provider.Schema;
import io.netform.value.AttributePath;
import io.netform.value.Type;
import io.netform.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code nsxt_k8s_network_policy}: one Kubernetes NetworkPolicy realized in the NSX distributed
 * firewall as NCP does it, its groups and two sections written and removed in single
 * hierarchical-API calls; groups are shared with the cluster's other policies and released when
 * no longer referenced.
 */
public final class NetworkPolicyResource implements Resource {

    /** The resource type's name. */
    public static final String TYPE_NAME = "nsxt_k8s_network_policy";
    private static final String MANIFEST = "manifest";
    /** The configuration leaves the domain null until the plan fills in its default. */
    private static final String DEFAULT_DOMAIN = "default";
    private static final Type NAMED_PORTS = Type.map(Type.list(Type.NUMBER));
    private static final String DESCRIPTION = "A Kubernetes NetworkPolicy (networking.k8s.io/v1) realized in the NSX"
            + " distributed firewall as NCP realizes it: a group for the pods the policy selects and one per peer,"
            + " an allow section (Application category, sequence " + DfwTranslation.ALLOW_SEQUENCE + ") and an"
            + " isolation section (sequence " + DfwTranslation.ISOLATION_SEQUENCE + ") that drops the rest for each"
            + " direction in policyTypes. Pods are segment ports tagged ncp/cluster=<cluster>,"
            + " ncp/project=<namespace>, <label key>=<label value> for each pod label, and ncp/port/<name>="
            + "<number>/<TCP|UDP|SCTP> for each named container port.";

    private final Supplier<PolicyClient> client;

    public NetworkPolicyResource(ResourceContext context) {
        this.client = context.client();
    }

    @Override
    public Schema schema() {
        return Schema.of(Block.of(
                Attribute.string("id").computed().describedAs("<cluster>/<namespace>/<policy name>."),
                Attribute.string("cluster").required().forceNew()
                        .describedAs("The cluster: the value of the pods' ncp/cluster tag."),
                Attribute.string("domain").withDefault(Value.string(DEFAULT_DOMAIN)).forceNew()
                        .describedAs("The NSX domain of the groups and security policies."),
                Attribute.of("namespaces", Type.map(Type.map(Type.STRING))).required()
                        .describedAs("The cluster's namespaces and their labels: namespaceSelectors select among"
                                + " them; the policy's own namespace must be one of them."),
                Attribute.of(MANIFEST, Type.DYNAMIC).required()
                        .describedAs("The NetworkPolicy object, e.g. yamldecode(file(\"policy.yaml\"))."),
                Attribute.of("named_ports", NAMED_PORTS).computed()
                        .describedAs("The numbers the pods give each named port the policy uses, by name/PROTOCOL."),
                Attribute.of("group_paths", Type.list(Type.STRING)).computed()
                        .describedAs("The policy paths of the groups created."),
                Attribute.string("allow_policy_path").computed().describedAs("The allow section's policy path."),
                Attribute.string("isolation_policy_path").computed()
                        .describedAs("The isolation section's policy path."))
                .describedAs(DESCRIPTION));
    }

    @Override
    public void validate(Value config) {
        Value manifest = config.getAttr(MANIFEST);
        if (!given(manifest)) {
            return;
        }
        NetworkPolicy policy = parsed(manifest);
        if (given(config.getAttr("namespaces")) && given(config.getAttr("cluster"))
                && config.getAttr("domain").isKnown()) {
            objects(config, policy, Map.of());
        }
    }

    @Override
    public Value customizePlan(Value prior, Value planned, Value config) {
        if (planned.isNull()) {
            return planned;
        }
        if (!knownInputs(planned)) {
            return withComputed(planned, null, null, null);
        }
        NetworkPolicy policy = parsed(planned.getAttr(MANIFEST));
        if (prior.isNull() && !DfwTranslation.namedPortsUsed(policy).isEmpty()) {
            // Pods created in the same apply bring their named ports only then.
            return withComputed(planned, null, null, null);
        }
        Map<String, List<Integer>> ports = calling("plan", () -> NamedPortLookup.resolve(client.get(),
                planned.getAttr("cluster").asString(), DfwTranslation.namedPortsUsed(policy).keySet()));
        return withComputed(planned, policy, ports, objects(planned, policy, ports));
    }

    @Override
    public Value create(Value planned, Value config) {
        return calling("create", () -> {
            Value state = complete(planned);
            client.get().patchInfra(HierarchicalChange.between(Optional.empty(), Optional.of(objectsOf(state))), false);
            return state;
        });
    }

    @Override
    public Value read(Value current) {
        return calling("read", () -> {
            boolean present = client.get().get(current.getAttr("allow_policy_path").asString()).isPresent()
                    || client.get().get(current.getAttr("isolation_policy_path").asString()).isPresent();
            return present ? current : Value.nullOf(schema().impliedType());
        });
    }

    @Override
    public Value update(Value prior, Value planned, Value config) {
        return calling("update", () -> {
            Value state = complete(planned);
            DfwObjects before = objectsOf(prior);
            DfwObjects after = objectsOf(state);
            client.get().patchInfra(HierarchicalChange.between(Optional.of(before), Optional.of(after)), false);
            List<String> unused = new ArrayList<>(before.groupPaths());
            unused.removeAll(after.groupPaths());
            SharedGroups.release(client.get(), unused);
            return state;
        });
    }

    @Override
    public void delete(Value prior) {
        calling("delete", () -> {
            DfwObjects before = objectsOf(prior);
            client.get().patchInfra(HierarchicalChange.between(Optional.of(before), Optional.empty()), false);
            SharedGroups.release(client.get(), before.groupPaths());
            return null;
        });
    }

    /** The planned state with every computed value resolved (they are unknown only when planned without NSX). */
    private Value complete(Value planned) {
        if (planned.getAttr("named_ports").isKnown() && planned.getAttr("id").isKnown()) {
            return planned;
        }
        NetworkPolicy policy = parsed(planned.getAttr(MANIFEST));
        Map<String, List<Integer>> ports = NamedPortLookup.resolve(client.get(), planned.getAttr("cluster").asString(),
                DfwTranslation.namedPortsUsed(policy).keySet());
        return withComputed(planned, policy, ports, objects(planned, policy, ports));
    }

    private DfwObjects objectsOf(Value state) {
        NetworkPolicy policy = parsed(state.getAttr(MANIFEST));
        Map<String, List<Integer>> ports = new LinkedHashMap<>();
        state.getAttr("named_ports").asMap().forEach((key, numbers) -> ports.put(key,
                numbers.elements().stream().map(Value::asInt).toList()));
        return objects(state, policy, ports);
    }

    private static boolean knownInputs(Value planned) {
        return given(planned.getAttr(MANIFEST)) && given(planned.getAttr("namespaces"))
                && given(planned.getAttr("cluster")) && given(planned.getAttr("domain"));
    }

    private static boolean given(Value value) {
        return value.isWhollyKnown() && !value.isNull();
    }

    /** The state with the computed attributes for the policy, or unknown when the policy is null. */
    private static Value withComputed(Value planned, NetworkPolicy policy, Map<String, List<Integer>> ports,
            DfwObjects objects) {
        Map<String, Value> values = new LinkedHashMap<>(planned.asMap());
        if (policy == null) {
            values.put("id", Value.unknown(Type.STRING));
            values.put("named_ports", Value.unknown(NAMED_PORTS));
            values.put("group_paths", Value.unknown(Type.list(Type.STRING)));
            values.put("allow_policy_path", Value.unknown(Type.STRING));
            values.put("isolation_policy_path", Value.unknown(Type.STRING));
            return Value.object(values);
        }
        values.put("id", Value.string(planned.getAttr("cluster").asString() + "/" + policy.namespace() + "/"
                + policy.name()));
        Map<String, Value> portValues = new LinkedHashMap<>();
        ports.forEach((key, numbers) -> portValues.put(key, Value.list(Type.NUMBER,
                numbers.stream().map(n -> Value.number((long) n)).toList())));
        values.put("named_ports", Value.map(Type.list(Type.NUMBER), portValues));
        List<Value> groups = new ArrayList<>();
        objects.groupPaths().forEach(path -> groups.add(Value.string(path)));
        values.put("group_paths", Value.list(Type.STRING, groups));
        values.put("allow_policy_path", Value.string(objects.policyPath(objects.allow())));
        values.put("isolation_policy_path", Value.string(objects.policyPath(objects.isolation())));
        return Value.object(values);
    }

    private static DfwObjects objects(Value config, NetworkPolicy policy, Map<String, List<Integer>> ports) {
        Map<String, Map<String, String>> namespaces = new LinkedHashMap<>();
        config.getAttr("namespaces").asMap().forEach((name, labels) -> {
            Map<String, String> strings = new LinkedHashMap<>();
            labels.asMap().forEach((key, value) -> strings.put(key, value.asString()));
            namespaces.put(name, strings);
        });
        Value domain = config.getAttr("domain");
        ClusterModel cluster = new ClusterModel(config.getAttr("cluster").asString(),
                domain.isNull() ? DEFAULT_DOMAIN : domain.asString(), namespaces);
        try {
            return DfwTranslation.translate(policy, cluster, ports, MANIFEST);
        } catch (InvalidManifestException e) {
            throw invalid(e);
        }
    }

    private static NetworkPolicy parsed(Value manifest) {
        try {
            return NetworkPolicy.fromManifest(manifest, MANIFEST);
        } catch (InvalidManifestException e) {
            throw invalid(e);
        }
    }

    private static DiagnosticException invalid(InvalidManifestException e) {
        return new DiagnosticException("Invalid NetworkPolicy manifest", e.path() + ": " + e.problem(),
                AttributePath.of(MANIFEST));
    }

    private <T> T calling(String step, Supplier<T> body) {
        return PolicyResource.calling(TYPE_NAME, step, body);
    }
}
