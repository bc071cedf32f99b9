package io.netform.kubesim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The API server's self-description: {@code /version}, {@code /api}, {@code /apis} and each group
 * version's resource list (the built-in kinds and those of stored CustomResourceDefinitions), which {@code kubectl} reads before it sends anything else (the OpenAPI
 * document is {@link OpenApiDocument}'s).
 */
final class Discovery {

    /** The Kubernetes release the simulator claims to be (its API shapes follow it). */
    static final String KUBERNETES_VERSION = "v1.32.0";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** The kinds {@code kubectl get all} lists, as Kubernetes puts them in the category "all". */
    private static final Set<String> CATEGORY_ALL =
            Set.of("pods", "services", "deployments", "statefulsets", "daemonsets", "replicasets");

    private Discovery() {}

    /** The discovery document at the path, if the path is one; {@code custom} are the kinds stored definitions add. */
    static Optional<ObjectNode> document(String path, List<ApiResource> custom) {
        if (path.equals("/version") || path.equals("/version/")) {
            return Optional.of(version());
        }
        if (path.equals("/api") || path.equals("/api/")) {
            return Optional.of(coreVersions());
        }
        if (path.equals("/apis") || path.equals("/apis/")) {
            return Optional.of(groups(custom));
        }
        Map<String, List<ApiResource>> groupVersions = groupVersions(custom);
        for (Map.Entry<String, List<ApiResource>> groupVersion : groupVersions.entrySet()) {
            String prefix = groupVersion.getKey().contains("/") ? "/apis/" : "/api/";
            if (path.equals(prefix + groupVersion.getKey()) || path.equals(prefix + groupVersion.getKey() + "/")) {
                return Optional.of(resources(groupVersion.getKey(), groupVersion.getValue()));
            }
        }
        return Optional.empty();
    }

    private static ObjectNode version() {
        String[] numbers = KUBERNETES_VERSION.substring(1).split("\\.");
        return JSON.objectNode()
                .put("major", numbers[0])
                .put("minor", numbers[1])
                .put("gitVersion", KUBERNETES_VERSION)
                .put("gitCommit", "netform-kube-sim")
                .put("gitTreeState", "clean")
                .put("buildDate", "2026-01-01T00:00:00Z")
                .put("goVersion", "go1.23")
                .put("compiler", "gc")
                .put("platform", "linux/amd64");
    }

    private static ObjectNode coreVersions() {
        ObjectNode versions = JSON.objectNode().put("kind", "APIVersions");
        versions.putArray("versions").add("v1");
        versions.putArray("serverAddressByClientCIDRs");
        return versions;
    }

    /** Each group with its versions, the first listed the preferred one. */
    private static ObjectNode groups(List<ApiResource> custom) {
        ObjectNode list = JSON.objectNode().put("kind", "APIGroupList").put("apiVersion", "v1");
        ArrayNode groups = list.putArray("groups");
        Map<String, ObjectNode> byName = new LinkedHashMap<>();
        groupVersions(custom).keySet().stream().filter(gv -> gv.contains("/")).forEach(gv -> {
            String name = gv.substring(0, gv.indexOf('/'));
            ObjectNode version =
                    JSON.objectNode().put("groupVersion", gv).put("version", gv.substring(gv.indexOf('/') + 1));
            ObjectNode group = byName.computeIfAbsent(name, n -> {
                ObjectNode added = groups.addObject().put("name", n);
                added.putArray("versions");
                added.set("preferredVersion", version.deepCopy());
                return added;
            });
            group.withArray("versions").add(version);
        });
        return list;
    }

    private static ObjectNode resources(String groupVersion, List<ApiResource> types) {
        ObjectNode list = JSON.objectNode()
                .put("kind", "APIResourceList")
                .put("apiVersion", "v1")
                .put("groupVersion", groupVersion);
        ArrayNode resources = list.putArray("resources");
        for (ApiResource type : types) {
            ObjectNode resource = resources
                    .addObject()
                    .put("name", type.plural())
                    .put("singularName", type.singular())
                    .put("namespaced", type.namespaced())
                    .put("kind", type.kind());
            ApiResource.VERBS.forEach(resource.putArray("verbs")::add);
            if (!type.shortNames().isEmpty()) {
                type.shortNames().forEach(resource.putArray("shortNames")::add);
            }
            if (CATEGORY_ALL.contains(type.plural())) {
                resource.putArray("categories").add("all");
            }
        }
        return list;
    }

    private static Map<String, List<ApiResource>> groupVersions(List<ApiResource> custom) {
        Map<String, List<ApiResource>> byGroupVersion = new LinkedHashMap<>();
        List<ApiResource> all = new ArrayList<>(ApiResource.ALL);
        all.addAll(custom);
        for (ApiResource type : all) {
            byGroupVersion
                    .computeIfAbsent(type.groupVersion(), gv -> new ArrayList<>())
                    .add(type);
        }
        return byGroupVersion;
    }
}
