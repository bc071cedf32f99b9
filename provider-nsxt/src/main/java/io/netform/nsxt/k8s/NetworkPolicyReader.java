package io.netform.nsxt.k8s;

import io.netform.net.IpPrefix;
import io.netform.value.Value;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads and validates a NetworkPolicy manifest as the API server does, applying its defaults. */
final class NetworkPolicyReader {

    private static final String API_VERSION = "networking.k8s.io/v1";
    private static final Pattern DNS_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern LABEL_NAME = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");
    private static final Pattern PORT_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");
    private static final int MAX_PORT = 65535;

    private final String root;

    NetworkPolicyReader(String root) {
        this.root = root;
    }

    NetworkPolicy read(Value manifest) {
        ManifestNode top = new ManifestNode(manifest, root);
        if (top.isAbsent()) {
            throw top.invalid("a NetworkPolicy manifest is required");
        }
        Map<String, ManifestNode> fields = top.fields(Set.of("apiVersion", "kind", "metadata", "spec"));
        expect(ManifestNode.field(fields, "apiVersion", root), API_VERSION);
        expect(ManifestNode.field(fields, "kind", root), "NetworkPolicy");
        ManifestNode metadataNode = ManifestNode.field(fields, "metadata", root);
        if (metadataNode.isAbsent()) {
            throw metadataNode.invalid("metadata with a name is required");
        }
        Map<String, ManifestNode> metadata = metadataNode.fields(Set.of(
                "name",
                "namespace",
                "labels",
                "annotations",
                "uid",
                "resourceVersion",
                "generation",
                "creationTimestamp"));
        String name = dnsName(ManifestNode.field(metadata, "name", metadataNode.path()), DNS_SUBDOMAIN, 253);
        ManifestNode namespaceNode = ManifestNode.field(metadata, "namespace", metadataNode.path());
        String namespace = namespaceNode.isAbsent() ? "default" : dnsName(namespaceNode, DNS_LABEL, 63);
        ManifestNode specNode = ManifestNode.field(fields, "spec", root);
        Map<String, ManifestNode> spec = specNode.isAbsent()
                ? Map.of()
                : specNode.fields(Set.of("podSelector", "ingress", "egress", "policyTypes"));
        String at = specNode.path();
        ManifestNode podSelector = ManifestNode.field(spec, "podSelector", at);
        List<PolicyRule> ingress = rules(ManifestNode.field(spec, "ingress", at), "from");
        List<PolicyRule> egress = rules(ManifestNode.field(spec, "egress", at), "to");
        Set<PolicyType> types = policyTypes(ManifestNode.field(spec, "policyTypes", at), !egress.isEmpty());
        return new NetworkPolicy(
                name,
                namespace,
                podSelector.isAbsent() ? LabelSelector.EVERYTHING : selector(podSelector),
                ingress,
                egress,
                types);
    }

    private static void expect(ManifestNode node, String wanted) {
        if (node.isAbsent() || !node.string().equals(wanted)) {
            throw node.invalid(
                    "must be \"" + wanted + "\"" + (node.isAbsent() ? "" : ", got \"" + node.string() + "\""));
        }
    }

    private static String dnsName(ManifestNode node, Pattern pattern, int maxLength) {
        if (node.isAbsent()) {
            throw node.invalid("is required");
        }
        String text = node.string();
        if (text.length() > maxLength || !pattern.matcher(text).matches()) {
            throw node.invalid("\"" + text + "\" is not a valid name: lower-case letters, digits and '-', at most "
                    + maxLength + " characters, starting and ending with a letter or digit");
        }
        return text;
    }

    /** The API server's defaulting: Ingress always, Egress when there are egress rules. */
    private static Set<PolicyType> policyTypes(ManifestNode node, boolean hasEgressRules) {
        Set<PolicyType> types = EnumSet.noneOf(PolicyType.class);
        List<ManifestNode> items = node.items();
        if (items.isEmpty()) {
            types.add(PolicyType.INGRESS);
            if (hasEgressRules) {
                types.add(PolicyType.EGRESS);
            }
            return types;
        }
        for (ManifestNode item : items) {
            String text = item.string();
            PolicyType type =
                    text.equals("Ingress") ? PolicyType.INGRESS : text.equals("Egress") ? PolicyType.EGRESS : null;
            if (type == null || !types.add(type)) {
                throw item.invalid(
                        type == null
                                ? "must be \"Ingress\" or \"Egress\", got \"" + text + "\""
                                : "\"" + text + "\" is listed twice");
            }
        }
        return types;
    }

    private List<PolicyRule> rules(ManifestNode node, String peersField) {
        List<PolicyRule> rules = new ArrayList<>();
        for (ManifestNode item : node.items()) {
            Map<String, ManifestNode> fields = item.isAbsent() ? Map.of() : item.fields(Set.of(peersField, "ports"));
            List<Peer> peers = new ArrayList<>();
            for (ManifestNode peer :
                    ManifestNode.field(fields, peersField, item.path()).items()) {
                peers.add(peer(peer));
            }
            List<PolicyPort> ports = new ArrayList<>();
            for (ManifestNode port :
                    ManifestNode.field(fields, "ports", item.path()).items()) {
                ports.add(port(port));
            }
            rules.add(new PolicyRule(peers, ports));
        }
        return rules;
    }

    private Peer peer(ManifestNode node) {
        Map<String, ManifestNode> fields = node.fields(Set.of("podSelector", "namespaceSelector", "ipBlock"));
        ManifestNode pods = ManifestNode.field(fields, "podSelector", node.path());
        ManifestNode namespaces = ManifestNode.field(fields, "namespaceSelector", node.path());
        ManifestNode ipBlock = ManifestNode.field(fields, "ipBlock", node.path());
        if (!ipBlock.isAbsent()) {
            if (!pods.isAbsent() || !namespaces.isAbsent()) {
                throw node.invalid("ipBlock may not be combined with podSelector or namespaceSelector");
            }
            return ipBlock(ipBlock);
        }
        if (pods.isAbsent() && namespaces.isAbsent()) {
            throw node.invalid("must specify podSelector, namespaceSelector or ipBlock");
        }
        return new PodPeer(
                pods.isAbsent() ? Optional.empty() : Optional.of(selector(pods)),
                namespaces.isAbsent() ? Optional.empty() : Optional.of(selector(namespaces)));
    }

    private static IpBlockPeer ipBlock(ManifestNode node) {
        Map<String, ManifestNode> fields = node.fields(Set.of("cidr", "except"));
        ManifestNode cidrNode = ManifestNode.field(fields, "cidr", node.path());
        if (cidrNode.isAbsent()) {
            throw cidrNode.invalid("is required");
        }
        IpPrefix cidr = IpPrefix.tryParse(cidrNode.string())
                .orElseThrow(() -> cidrNode.invalid("\"" + cidrNode.string() + "\" is not a CIDR (address/prefix)"));
        List<String> except = new ArrayList<>();
        for (ManifestNode item :
                ManifestNode.field(fields, "except", node.path()).items()) {
            Optional<IpPrefix> block = IpPrefix.tryParse(item.string());
            if (block.isEmpty()) {
                throw item.invalid("\"" + item.string() + "\" is not a CIDR (address/prefix)");
            }
            if (!cidr.contains(block.get()) || block.get().length() <= cidr.length()) {
                throw item.invalid("\"" + item.string() + "\" must be a strict subset of cidr " + cidrNode.string());
            }
            except.add(item.string());
        }
        return new IpBlockPeer(cidrNode.string(), except);
    }

    private static PolicyPort port(ManifestNode node) {
        Map<String, ManifestNode> fields = node.fields(Set.of("protocol", "port", "endPort"));
        ManifestNode protocolNode = ManifestNode.field(fields, "protocol", node.path());
        L4Protocol protocol = L4Protocol.TCP;
        if (!protocolNode.isAbsent()) {
            String text = protocolNode.string();
            protocol = java.util.Arrays.stream(L4Protocol.values())
                    .filter(p -> p.name().equals(text))
                    .findFirst()
                    .orElseThrow(() -> protocolNode.invalid("must be TCP, UDP or SCTP, got \"" + text + "\""));
        }
        ManifestNode portNode = ManifestNode.field(fields, "port", node.path());
        ManifestNode endNode = ManifestNode.field(fields, "endPort", node.path());
        if (portNode.isAbsent()) {
            if (!endNode.isAbsent()) {
                throw endNode.invalid("may not be set without port");
            }
            return PolicyPort.all(protocol);
        }
        if (!portNode.isNumber()) {
            String name = portNode.string();
            if (name.length() > 15
                    || !PORT_NAME.matcher(name).matches()
                    || name.contains("--")
                    || name.chars().noneMatch(Character::isLetter)) {
                throw portNode.invalid("\"" + name + "\" is neither a port number nor a port name (at most 15"
                        + " lower-case letters, digits and '-', with at least one letter)");
            }
            if (!endNode.isAbsent()) {
                throw endNode.invalid("may not be set when port is a named port");
            }
            return PolicyPort.named(protocol, name);
        }
        int first = portNumber(portNode);
        int last = endNode.isAbsent() ? first : portNumber(endNode);
        if (last < first) {
            throw endNode.invalid("must be greater than or equal to port (" + first + ")");
        }
        return PolicyPort.numbered(protocol, first, last);
    }

    private static int portNumber(ManifestNode node) {
        int number = node.integer();
        if (number < 1 || number > MAX_PORT) {
            throw node.invalid("must be between 1 and " + MAX_PORT + ", got " + number);
        }
        return number;
    }

    private static LabelSelector selector(ManifestNode node) {
        Map<String, ManifestNode> fields = node.fields(Set.of("matchLabels", "matchExpressions"));
        ManifestNode labelsNode = ManifestNode.field(fields, "matchLabels", node.path());
        Map<String, String> labels = labelsNode.stringMap();
        labels.forEach((key, value) -> {
            labelKey(new ManifestNode(Value.string(key), labelsNode.path() + "." + key), key);
            labelValue(new ManifestNode(Value.string(value), labelsNode.path() + "." + key), value);
        });
        List<LabelRequirement> expressions = new ArrayList<>();
        for (ManifestNode item :
                ManifestNode.field(fields, "matchExpressions", node.path()).items()) {
            expressions.add(requirement(item));
        }
        return new LabelSelector(labels, expressions);
    }

    private static LabelRequirement requirement(ManifestNode node) {
        Map<String, ManifestNode> fields = node.fields(Set.of("key", "operator", "values"));
        ManifestNode keyNode = ManifestNode.field(fields, "key", node.path());
        ManifestNode operatorNode = ManifestNode.field(fields, "operator", node.path());
        if (keyNode.isAbsent() || operatorNode.isAbsent()) {
            throw (keyNode.isAbsent() ? keyNode : operatorNode).invalid("is required");
        }
        String key = labelKey(keyNode, keyNode.string());
        SelectorOperator operator = SelectorOperator.bySpelling(operatorNode.string())
                .orElseThrow(() -> operatorNode.invalid("\"" + operatorNode.string()
                        + "\" is not a valid selector operator; use In," + " NotIn, Exists or DoesNotExist"));
        ManifestNode valuesNode = ManifestNode.field(fields, "values", node.path());
        List<String> values = new ArrayList<>();
        for (ManifestNode item : valuesNode.items()) {
            values.add(labelValue(item, item.string()));
        }
        if (operator.takesValues() && values.isEmpty()) {
            throw valuesNode.invalid("must be non-empty for operator " + operator.spelling());
        }
        if (!operator.takesValues() && !values.isEmpty()) {
            throw valuesNode.invalid("must be empty for operator " + operator.spelling());
        }
        return new LabelRequirement(key, operator, values);
    }

    private static String labelKey(ManifestNode node, String key) {
        int slash = key.lastIndexOf('/');
        String prefix = slash < 0 ? "" : key.substring(0, slash);
        String name = key.substring(slash + 1);
        boolean valid = name.length() <= 63
                && LABEL_NAME.matcher(name).matches()
                && (slash < 0
                        || (prefix.length() <= 253
                                && DNS_SUBDOMAIN.matcher(prefix).matches()));
        if (!valid) {
            throw node.invalid("\"" + key + "\" is not a valid label key");
        }
        return key;
    }

    private static String labelValue(ManifestNode node, String value) {
        if (value.length() > 63
                || !(value.isEmpty() || LABEL_NAME.matcher(value).matches())) {
            throw node.invalid("\"" + value + "\" is not a valid label value (at most 63 letters, digits, '-', '_'"
                    + " and '.', starting and ending with a letter or digit)");
        }
        return value;
    }
}
