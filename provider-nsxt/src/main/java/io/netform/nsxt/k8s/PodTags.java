package io.netform.nsxt.k8s;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The tags that make a segment port a pod, as NCP writes them and as Netform expects them:
 * {@code ncp/cluster = <cluster>}, {@code ncp/project = <namespace>}, one tag per pod label
 * ({@code scope = label key}, {@code tag = label value}) and one per named container port
 * ({@code scope = ncp/port/<name>}, {@code tag = <number>/<PROTOCOL>}, e.g. {@code 8080/TCP}).
 */
public final class PodTags {

    /** The scope of the tag naming the pod's cluster. */
    public static final String CLUSTER = "ncp/cluster";
    /** The scope of the tag naming the pod's namespace. */
    public static final String PROJECT = "ncp/project";
    /** The prefix of the scope of a named container port's tag. */
    public static final String NAMED_PORT_PREFIX = "ncp/port/";

    private PodTags() {}

    /** The scope of the tag of a named container port. */
    public static String namedPortScope(String portName) {
        return NAMED_PORT_PREFIX + portName;
    }

    /** The tag value of a named container port. */
    public static String namedPortTag(int number, L4Protocol protocol) {
        return number + "/" + protocol.name();
    }

    /** The conditions for pods of a cluster. */
    static TagCondition inCluster(String cluster) {
        return TagCondition.equalTo(CLUSTER, cluster);
    }

    /**
     * The conditions a label selector puts on a pod's label tags, in one order for every way of
     * writing the same selector, so that equal selectors give equal groups.
     */
    static List<TagCondition> selecting(LabelSelector selector) {
        List<TagCondition> conditions = new ArrayList<>();
        for (LabelRequirement requirement : selector.requirements()) {
            List<String> values =
                    requirement.values().stream().sorted().distinct().toList();
            conditions.add(
                    switch (requirement.operator()) {
                        case IN -> TagCondition.oneOf(requirement.key(), values);
                        case NOT_IN -> TagCondition.noneOf(requirement.key(), values);
                        case EXISTS -> TagCondition.present(requirement.key());
                        case DOES_NOT_EXIST -> TagCondition.absent(requirement.key());
                    });
        }
        conditions.sort(Comparator.comparing(TagCondition::scope)
                .thenComparing(TagCondition::operator)
                .thenComparing(TagCondition::tag));
        return conditions.stream().distinct().toList();
    }

    /** The condition for pods that have the named port with this number and protocol. */
    static TagCondition withNamedPort(String name, int number, L4Protocol protocol) {
        return TagCondition.equalTo(namedPortScope(name), namedPortTag(number, protocol));
    }

    /** The key under which a named port's resolution is kept: {@code name/PROTOCOL}. */
    static String namedPortKey(String name, L4Protocol protocol) {
        return name + "/" + protocol.name().toUpperCase(Locale.ROOT);
    }
}
