package io.netform.nsxt.k8s;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.nsxt.api.PolicyClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Translates a NetworkPolicy as NCP does: a group for the selected pods and one per peer, an allow
 * section (Application category, sequence {@value #ALLOW_SEQUENCE}) with ALLOW rules per rule and
 * named-port number, and an isolation section (sequence {@value #ISOLATION_SEQUENCE}) with a DROP
 * rule per isolated direction, both applied to the selected pods. Every allow section of the
 * category precedes every isolation section, so the allowed traffic is the union over all policies.
 * Sections and rules have ids derived from cluster, namespace and policy name; a group's id derives
 * from its membership, so identical selectors share one group within and across policies.
 */
public final class DfwTranslation {

    /** The allow sections' sequence number in the Application category (nsx-operator's). */
    public static final int ALLOW_SEQUENCE = 2010;
    /** How the allow section's id ends, after the policy's {@link #baseId}. */
    public static final String ALLOW_ROLE = "allow";
    /** How the isolation section's id ends. */
    public static final String ISOLATION_ROLE = "isolation";
    /** The isolation sections' sequence number, after every allow section. */
    public static final int ISOLATION_SEQUENCE = 2090;

    private static final int PORTS_PER_ENTRY = 15;
    private static final List<String> ANY = List.of("ANY");
    private static final int MAX_DISPLAY_NAME = 255;

    private final NetworkPolicy policy;
    private final ClusterModel cluster;
    private final Map<String, List<Integer>> namedPorts;
    private final String root;
    private final String base;
    private final Map<String, ObjectNode> groupsById = new LinkedHashMap<>();
    private final List<ObjectNode> allowRules = new ArrayList<>();
    private String target;

    private DfwTranslation(
            NetworkPolicy policy, ClusterModel cluster, Map<String, List<Integer>> namedPorts, String root) {
        this.policy = policy;
        this.cluster = cluster;
        this.namedPorts = namedPorts;
        this.root = root;
        this.base = baseId(cluster.cluster(), policy.namespace(), policy.name());
        if (!cluster.namespaces().containsKey(policy.namespace())) {
            throw new InvalidManifestException(
                    root + ".metadata.namespace",
                    "namespace \"" + policy.namespace() + "\" is not in the namespaces argument ("
                            + String.join(", ", cluster.namespaces().keySet()) + ")");
        }
    }

    /**
     * The NSX objects for the policy.
     *
     * @param namedPorts the numbers of the named ports the policy uses, by {@code name/PROTOCOL}
     *     ({@link #namedPortsUsed}), as the pods' tags say
     * @param root how the manifest is named in errors
     */
    public static DfwObjects translate(
            NetworkPolicy policy, ClusterModel cluster, Map<String, List<Integer>> namedPorts, String root) {
        return new DfwTranslation(policy, cluster, namedPorts, root).objects();
    }

    /** The id every object of the policy starts with. */
    public static String baseId(String cluster, String namespace, String name) {
        return "k8s-" + cluster + "-" + namespace + "-" + name;
    }

    /** The named ports the policy's rules use, as {@code name/PROTOCOL} keys with their name and protocol. */
    public static Map<String, PolicyPort> namedPortsUsed(NetworkPolicy policy) {
        Map<String, PolicyPort> used = new TreeMap<>();
        for (PolicyType type : PolicyType.values()) {
            for (PolicyRule rule : policy.rules(type)) {
                for (PolicyPort port : rule.ports()) {
                    port.name().ifPresent(name -> used.put(PodTags.namedPortKey(name, port.protocol()), port));
                }
            }
        }
        return used;
    }

    private DfwObjects objects() {
        List<TagCondition> targetConditions = new ArrayList<>();
        targetConditions.add(PodTags.inCluster(cluster.cluster()));
        targetConditions.add(TagCondition.equalTo(PodTags.PROJECT, policy.namespace()));
        targetConditions.addAll(PodTags.selecting(policy.podSelector()));
        target = podGroup(targetConditions, root + ".spec.podSelector");
        for (PolicyType type : PolicyType.values()) {
            List<PolicyRule> rules = policy.rules(type);
            for (int i = 0; i < rules.size(); i++) {
                addAllowRules(type, i, rules.get(i));
            }
        }
        List<ObjectNode> isolationRules = new ArrayList<>();
        for (PolicyType type : PolicyType.values()) {
            if (policy.isolates(type)) {
                String direction = type.spelling().toLowerCase(Locale.ROOT);
                isolationRules.add(
                        rule(direction + "-isolation", isolationRules.size() + 1, "DROP", type, ANY, List.of()));
            }
        }
        return new DfwObjects(
                cluster.domain(),
                List.copyOf(groupsById.values()),
                new DfwSection(section(ALLOW_ROLE, ALLOW_SEQUENCE), allowRules),
                new DfwSection(section(ISOLATION_ROLE, ISOLATION_SEQUENCE), isolationRules));
    }

    private void addAllowRules(PolicyType type, int index, PolicyRule rule) {
        String direction = type.spelling().toLowerCase(Locale.ROOT);
        String at = root + ".spec." + direction + "[" + index + "]." + (type == PolicyType.INGRESS ? "from" : "to");
        String id = direction + "-" + index;
        List<String> peers = new ArrayList<>();
        List<Optional<List<TagCondition>>> podPeers = new ArrayList<>();
        for (int j = 0; j < rule.peers().size(); j++) {
            Peer peer = rule.peers().get(j);
            if (peer instanceof IpBlockPeer) {
                List<String> cidrs = ((IpBlockPeer) peer).remainingCidrs();
                peers.add(group(
                        GroupExpression.addresses(cidrs),
                        cluster.cluster() + " addresses " + String.join(", ", cidrs)));
                podPeers.add(Optional.empty());
            } else {
                String peerAt = at + "[" + j + "]";
                Optional<List<TagCondition>> conditions = peerConditions((PodPeer) peer);
                conditions.ifPresent(c -> peers.add(podGroup(c, peerAt)));
                podPeers.add(conditions);
            }
        }
        boolean everyPeer = rule.peers().isEmpty();
        if (!everyPeer && peers.isEmpty()) {
            return; // Every peer selects nothing: the rule allows nothing.
        }
        List<String> peerList = everyPeer ? ANY : peers;
        List<ObjectNode> entries = numberedEntries(rule.ports());
        if (rule.ports().isEmpty() || !entries.isEmpty()) {
            allowRules.add(rule(id, allowRules.size() + 1, "ALLOW", type, peerList, entries));
        }
        for (PolicyPort port : rule.ports()) {
            if (port.name().isPresent()) {
                addNamedPortRules(type, id, port, everyPeer, peerList, podPeers, at);
            }
        }
    }

    /**
     * A named port means different numbers on different pods: one rule per number NSX knows for it,
     * its destination narrowed to the pods whose tag gives that number.
     */
    private void addNamedPortRules(
            PolicyType type,
            String id,
            PolicyPort port,
            boolean everyPeer,
            List<String> peers,
            List<Optional<List<TagCondition>>> podPeers,
            String at) {
        String name = port.name().orElseThrow();
        for (int number : namedPorts.getOrDefault(PodTags.namedPortKey(name, port.protocol()), List.of())) {
            String suffix = name + "-" + number + "-" + port.protocol().name().toLowerCase(Locale.ROOT);
            TagCondition hasPort = PodTags.withNamedPort(name, number, port.protocol());
            List<ObjectNode> entries = List.of(entry(port.protocol(), List.of(String.valueOf(number)), 1));
            List<String> destinations = new ArrayList<>();
            if (type == PolicyType.INGRESS || everyPeer) {
                destinations.add(podGroup(List.of(PodTags.inCluster(cluster.cluster()), hasPort), at));
            } else {
                for (int j = 0; j < podPeers.size(); j++) {
                    List<TagCondition> conditions =
                            new ArrayList<>(podPeers.get(j).orElse(List.of()));
                    if (!conditions.isEmpty()) {
                        conditions.add(hasPort);
                        destinations.add(podGroup(conditions, at + "[" + j + "]"));
                    }
                }
            }
            if (destinations.isEmpty()) {
                continue; // Only address peers: a named port cannot be resolved against them.
            }
            boolean ingress = type == PolicyType.INGRESS;
            ObjectNode rule = rule(
                    id + "-" + suffix, allowRules.size() + 1, "ALLOW", type, ingress ? peers : destinations, entries);
            if (ingress) {
                list(rule, "destination_groups", destinations); // the selected pods that have this number
            }
            allowRules.add(rule);
        }
    }

    /** The conditions of a pod peer; empty when its namespaceSelector matches no namespace. */
    private Optional<List<TagCondition>> peerConditions(PodPeer peer) {
        List<TagCondition> conditions = new ArrayList<>();
        conditions.add(PodTags.inCluster(cluster.cluster()));
        if (peer.namespaceSelector().isEmpty()) {
            conditions.add(TagCondition.equalTo(PodTags.PROJECT, policy.namespace()));
        } else if (!peer.namespaceSelector().get().selectsEverything()) {
            List<String> namespaces =
                    cluster.namespacesMatching(peer.namespaceSelector().get());
            if (namespaces.isEmpty()) {
                return Optional.empty();
            }
            conditions.add(TagCondition.oneOf(PodTags.PROJECT, namespaces));
        }
        peer.podSelector().ifPresent(s -> conditions.addAll(PodTags.selecting(s)));
        return Optional.of(conditions);
    }

    /** Inline L4 entries for the numbered ports and whole protocols, one per protocol (split at NSX's 15 ports). */
    private static List<ObjectNode> numberedEntries(List<PolicyPort> ports) {
        Map<L4Protocol, List<String>> byProtocol = new TreeMap<>();
        Map<L4Protocol, Boolean> whole = new TreeMap<>();
        for (PolicyPort port : ports) {
            if (port.name().isPresent()) {
                continue;
            }
            byProtocol.computeIfAbsent(port.protocol(), p -> new ArrayList<>());
            port.range()
                    .ifPresentOrElse(
                            r -> byProtocol.get(port.protocol()).add(r.nsxText()),
                            () -> whole.put(port.protocol(), true));
        }
        List<ObjectNode> entries = new ArrayList<>();
        byProtocol.forEach((protocol, numbers) -> {
            if (whole.containsKey(protocol)) {
                entries.add(entry(protocol, List.of(), 1));
                return;
            }
            List<String> distinct = numbers.stream().distinct().toList();
            for (int from = 0; from < distinct.size(); from += PORTS_PER_ENTRY) {
                entries.add(entry(
                        protocol,
                        distinct.subList(from, Math.min(distinct.size(), from + PORTS_PER_ENTRY)),
                        from / PORTS_PER_ENTRY + 1));
            }
        });
        return entries;
    }

    private static ObjectNode entry(L4Protocol protocol, List<String> ports, int part) {
        String id = protocol.name().toLowerCase(Locale.ROOT) + "-" + part;
        ObjectNode entry = PolicyClient.object()
                .put("resource_type", "L4PortSetServiceEntry")
                .put("id", id)
                .put("display_name", id)
                .put("l4_protocol", protocol.name());
        if (!ports.isEmpty()) {
            ports.forEach(entry.putArray("destination_ports")::add);
        }
        return entry;
    }

    /**
     * A rule applied to the selected pods: for ingress the peers are its sources, for egress its
     * destinations.
     */
    private ObjectNode rule(
            String id, int sequence, String action, PolicyType type, List<String> peers, List<ObjectNode> entries) {
        boolean ingress = type == PolicyType.INGRESS;
        ObjectNode rule = PolicyClient.object()
                .put("resource_type", "Rule")
                .put("id", id)
                .put("display_name", id)
                .put("sequence_number", sequence)
                .put("action", action)
                .put("direction", ingress ? "IN" : "OUT")
                .put("ip_protocol", "IPV4_IPV6");
        list(rule, "source_groups", ingress ? peers : List.of(target));
        list(rule, "destination_groups", ingress ? List.of(target) : peers);
        list(rule, "services", ANY);
        if (!entries.isEmpty()) {
            ArrayNode inline = rule.putArray("service_entries");
            entries.forEach(inline::add);
        }
        list(rule, "scope", List.of(target));
        return rule;
    }

    private ObjectNode section(String role, int sequence) {
        ObjectNode json = PolicyClient.object()
                .put("resource_type", "SecurityPolicy")
                .put("id", base + "-" + role)
                .put("display_name", policy.namespace() + "/" + policy.name() + " " + role)
                .put("category", "Application")
                .put("sequence_number", sequence)
                .put("stateful", true);
        list(json, "scope", List.of(target));
        tag(json);
        return json;
    }

    private String podGroup(List<TagCondition> conditions, String at) {
        if (!GroupExpression.fits(conditions.size())) {
            throw new InvalidManifestException(
                    at,
                    "selects pods by " + conditions.size() + " tag conditions (cluster,"
                            + " namespace and labels); NSX can match at most "
                            + GroupExpression.CONDITIONS_PER_CRITERION * GroupExpression.MAX_CRITERIA
                            + " in one group");
        }
        return group(
                GroupExpression.allOf(conditions),
                cluster.cluster() + " pods "
                        + String.join(
                                ", ",
                                conditions.stream()
                                        .skip(1)
                                        .map(TagCondition::describe)
                                        .toList()));
    }

    /**
     * The path of the group with this membership. Its id derives from the membership alone, so every
     * policy of the cluster that selects the same pods or addresses uses the same group.
     */
    private String group(ArrayNode expression, String description) {
        String id = groupId(cluster.cluster(), expression);
        groupsById.computeIfAbsent(id, key -> {
            ObjectNode group = PolicyClient.object()
                    .put("resource_type", "Group")
                    .put("id", key)
                    .put(
                            "display_name",
                            description.length() <= MAX_DISPLAY_NAME
                                    ? description
                                    : description.substring(0, MAX_DISPLAY_NAME - 3) + "...");
            group.set("expression", expression);
            group.putArray("tags").addObject().put("scope", PodTags.CLUSTER).put("tag", cluster.cluster());
            return group;
        });
        return "/infra/domains/" + cluster.domain() + "/groups/" + id;
    }

    /** The id of a cluster's group with this membership: {@code k8s-<cluster>-group-<digest>}. */
    static String groupId(String cluster, ArrayNode expression) {
        return groupIdPrefix(cluster) + ContentDigest.hex(expression.toString());
    }

    /** How the ids of a cluster's policy groups start. */
    static String groupIdPrefix(String cluster) {
        return "k8s-" + cluster + "-group-";
    }

    private void tag(ObjectNode json) {
        ArrayNode tags = json.putArray("tags");
        tags.addObject().put("scope", PodTags.CLUSTER).put("tag", cluster.cluster());
        tags.addObject().put("scope", PodTags.PROJECT).put("tag", policy.namespace());
        tags.addObject().put("scope", "ncp/network_policy").put("tag", policy.name());
    }

    private static void list(ObjectNode json, String field, List<String> values) {
        ArrayNode array = json.putArray(field);
        values.forEach(array::add);
    }
}
