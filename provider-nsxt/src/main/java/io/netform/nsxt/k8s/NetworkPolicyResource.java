package io.netform.nsxt.k8s;

import io.netform.nsxt.api.PolicyClient;
import io.netform.nsxt.resource.PolicyResource;
import io.netform.nsxt.resource.ResourceContext;
import io.netform.provider.DiagnosticException;
import io.netform.provider.ResourceType;
import io.netform.value.AttributePath;
import io.netform.value.Type;
import io.netform.value.Value;
import io.netform.wire.Schema;
import io.netform.wire.SchemaAttribute;
import io.netform.wire.SchemaBlock;
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
public final class NetworkPolicyResource implements ResourceType {

    /** The resource type's name. */
    public static final String TYPE_NAME = "nsxt_k8s_network_policy";

    private static final String MANIFEST = "manifest";
    private static final String NSX_OBJECTS = "nsx_objects";
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
        return Schema.of(SchemaBlock.of(
                        SchemaAttribute.string("id").computed().describedAs("<cluster>/<namespace>/<policy name>."),
                        SchemaAttribute.string("cluster")
                                .required()
                                .forceNew()
                                .describedAs("The cluster: the value of the pods' ncp/cluster tag."),
                        SchemaAttribute.string("domain")
                                .withDefault(Value.string(DEFAULT_DOMAIN))
                                .forceNew()
                                .describedAs("The NSX domain of the groups and security policies."),
                        SchemaAttribute.of("namespaces", Type.map(Type.map(Type.STRING)))
                                .required()
                                .describedAs(
                                        "The cluster's namespaces and their labels: namespaceSelectors select among"
                                                + " them; the policy's own namespace must be one of them."),
                        SchemaAttribute.of(MANIFEST, Type.DYNAMIC)
                                .required()
                                .describedAs("The NetworkPolicy object, e.g. yamldecode(file(\"policy.yaml\"))."),
                        SchemaAttribute.of("named_ports", NAMED_PORTS)
                                .computed()
                                .describedAs(
                                        "The numbers the pods give each named port the policy uses, by name/PROTOCOL."),
                        SchemaAttribute.of("group_paths", Type.list(Type.STRING))
                                .computed()
                                .describedAs("The policy paths of the groups created."),
                        SchemaAttribute.string("allow_policy_path")
                                .computed()
                                .describedAs("The allow section's policy path."),
                        SchemaAttribute.string("isolation_policy_path")
                                .computed()
                                .describedAs("The isolation section's policy path."),
                        SchemaAttribute.of(NSX_OBJECTS, Type.map(Type.STRING))
                                .computed()
                                .describedAs(
                                        "The policy path of each group, section and rule of the policy, with a digest"
                                                + " of the fields Netform writes on it: a change made in NSX shows here in the plan."))
                .describedAs(DESCRIPTION));
    }

    @Override
    public void validate(Value config) {
        Value manifest = config.getAttr(MANIFEST);
        if (!given(manifest)) {
            return;
        }
        NetworkPolicy policy = parsed(manifest);
        if (given(config.getAttr("namespaces"))
                && given(config.getAttr("cluster"))
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
        Map<String, List<Integer>> ports = calling(
                "plan",
                () -> NamedPortLookup.resolve(
                        client.get(),
                        planned.getAttr("cluster").asString(),
                        DfwTranslation.namedPortsUsed(policy).keySet()));
        return withComputed(planned, policy, ports, objects(planned, policy, ports));
    }

    @Override
    public Value create(Value planned, Value config) {
        return calling("create", () -> {
            Value state = complete(planned);
            write(List.of(), state);
            return state;
        });
    }

    @Override
    public Value read(Value current) {
        return calling("read", () -> {
            List<String> sections = List.of(
                    current.getAttr("allow_policy_path").asString(),
                    current.getAttr("isolation_policy_path").asString());
            Value groups = current.getAttr("group_paths");
            Map<String, String> realized = RealizedObjects.read(
                    client.get(),
                    current.getAttr("cluster").asString(),
                    sections,
                    groups.isKnown() && !groups.isNull() ? strings(groups) : List.of());
            if (RealizedObjects.sections(realized.keySet()).isEmpty()) {
                return Value.nullOf(schema().impliedType());
            }
            Map<String, Value> values = new LinkedHashMap<>(current.asMap());
            values.put(NSX_OBJECTS, stringMap(realized));
            if (current.getAttr(MANIFEST).isNull()) { // imported: NSX tells which groups the policy uses
                values.put(
                        "group_paths",
                        Value.list(
                                Type.STRING,
                                RealizedObjects.groups(realized.keySet()).stream()
                                        .map(Value::string)
                                        .toList()));
            }
            return Value.object(values);
        });
    }

    /**
     * Imports by {@code <cluster>/<namespace>/<name>} (domain {@code default}) or
     * {@code <domain>/<cluster>/<namespace>/<name>}; the read that follows takes the objects from NSX.
     * The manifest cannot be read back from NSX, so the next plan records it with an in-place update.
     */
    @Override
    public Value importState(String id) {
        PolicyImportId policy = PolicyImportId.parse(id, DEFAULT_DOMAIN);
        String allow = policy.sectionPath(DfwTranslation.ALLOW_ROLE);
        String isolation = policy.sectionPath(DfwTranslation.ISOLATION_ROLE);
        if (!calling(
                "import",
                () -> client.get().get(allow).isPresent()
                        || client.get().get(isolation).isPresent())) {
            throw policy.notRealized();
        }
        Map<String, Value> values = new LinkedHashMap<>();
        ((Type.ObjectType) schema().impliedType())
                .attributeTypes()
                .forEach((name, type) -> values.put(name, Value.nullOf(type)));
        values.put("id", Value.string(policy.resourceId()));
        values.put("cluster", Value.string(policy.cluster()));
        values.put("domain", Value.string(policy.domain()));
        values.put("allow_policy_path", Value.string(allow));
        values.put("isolation_policy_path", Value.string(isolation));
        return Value.object(values);
    }

    @Override
    public Value update(Value prior, Value planned, Value config) {
        return calling("update", () -> {
            Value state = complete(planned);
            write(priorPaths(prior), state);
            return state;
        });
    }

    @Override
    public void delete(Value prior) {
        calling("delete", () -> {
            List<String> before = priorPaths(prior);
            client.get()
                    .patchInfra(
                            HierarchicalChange.between(prior.getAttr("domain").asString(), before, Optional.empty()),
                            false);
            SharedGroups.release(client.get(), RealizedObjects.groups(before));
            return null;
        });
    }

    /** The planned state with every computed value resolved (they are unknown only when planned without NSX). */
    private Value complete(Value planned) {
        if (planned.getAttr("named_ports").isKnown() && planned.getAttr("id").isKnown()) {
            return planned;
        }
        NetworkPolicy policy = parsed(planned.getAttr(MANIFEST));
        Map<String, List<Integer>> ports = NamedPortLookup.resolve(
                client.get(),
                planned.getAttr("cluster").asString(),
                DfwTranslation.namedPortsUsed(policy).keySet());
        return withComputed(planned, policy, ports, objects(planned, policy, ports));
    }

    /**
     * Moves NSX from the prior objects to the state's in one call, then releases the groups the
     * policy no longer uses.
     */
    private void write(List<String> prior, Value state) {
        DfwObjects objects = objectsOf(state);
        client.get().patchInfra(HierarchicalChange.between(objects.domain(), prior, Optional.of(objects)), false);
        List<String> unused = new ArrayList<>(RealizedObjects.groups(prior));
        unused.removeAll(objects.groupPaths());
        SharedGroups.release(client.get(), unused);
    }

    /** The paths of the objects NSX held for the policy when it was last read or written. */
    private static List<String> priorPaths(Value prior) {
        return List.copyOf(prior.getAttr(NSX_OBJECTS).asMap().keySet());
    }

    private static List<String> strings(Value list) {
        return list.elements().stream().map(Value::asString).toList();
    }

    private static Value stringMap(Map<String, String> map) {
        Map<String, Value> values = new LinkedHashMap<>();
        map.forEach((key, value) -> values.put(key, Value.string(value)));
        return Value.map(Type.STRING, values);
    }

    private DfwObjects objectsOf(Value state) {
        NetworkPolicy policy = parsed(state.getAttr(MANIFEST));
        Map<String, List<Integer>> ports = new LinkedHashMap<>();
        state.getAttr("named_ports")
                .asMap()
                .forEach((key, numbers) -> ports.put(
                        key, numbers.elements().stream().map(Value::asInt).toList()));
        return objects(state, policy, ports);
    }

    private static boolean knownInputs(Value planned) {
        return given(planned.getAttr(MANIFEST))
                && given(planned.getAttr("namespaces"))
                && given(planned.getAttr("cluster"))
                && given(planned.getAttr("domain"));
    }

    private static boolean given(Value value) {
        return value.isWhollyKnown() && !value.isNull();
    }

    /** The state with the computed attributes for the policy, or unknown when the policy is null. */
    private static Value withComputed(
            Value planned, NetworkPolicy policy, Map<String, List<Integer>> ports, DfwObjects objects) {
        Map<String, Value> values = new LinkedHashMap<>(planned.asMap());
        if (policy == null) {
            values.put("id", Value.unknown(Type.STRING));
            values.put("named_ports", Value.unknown(NAMED_PORTS));
            values.put("group_paths", Value.unknown(Type.list(Type.STRING)));
            values.put("allow_policy_path", Value.unknown(Type.STRING));
            values.put("isolation_policy_path", Value.unknown(Type.STRING));
            values.put(NSX_OBJECTS, Value.unknown(Type.map(Type.STRING)));
            return Value.object(values);
        }
        values.put(
                "id",
                Value.string(planned.getAttr("cluster").asString() + "/" + policy.namespace() + "/" + policy.name()));
        Map<String, Value> portValues = new LinkedHashMap<>();
        ports.forEach((key, numbers) -> portValues.put(
                key,
                Value.list(
                        Type.NUMBER,
                        numbers.stream().map(n -> Value.number((long) n)).toList())));
        values.put("named_ports", Value.map(Type.list(Type.NUMBER), portValues));
        List<Value> groups = new ArrayList<>();
        objects.groupPaths().forEach(path -> groups.add(Value.string(path)));
        values.put("group_paths", Value.list(Type.STRING, groups));
        values.put("allow_policy_path", Value.string(objects.policyPath(objects.allow())));
        values.put("isolation_policy_path", Value.string(objects.policyPath(objects.isolation())));
        values.put(NSX_OBJECTS, stringMap(RealizedObjects.expected(objects)));
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
        ClusterModel cluster = new ClusterModel(
                config.getAttr("cluster").asString(), domain.isNull() ? DEFAULT_DOMAIN : domain.asString(), namespaces);
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
        return new DiagnosticException(
                "Invalid NetworkPolicy manifest", e.path() + ": " + e.problem(), AttributePath.of(MANIFEST));
    }

    private <T> T calling(String step, Supplier<T> body) {
        return PolicyResource.calling(TYPE_NAME, step, body);
    }
}
