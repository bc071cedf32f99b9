package io.netform.kubesim;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request path of the Kubernetes REST API taken apart: group, version, namespace, resource, name,
 * subresource and the query, with the verb the request means (as RBAC names verbs).
 *
 * @param group the API group, empty for the core group
 * @param version the API version, e.g. {@code v1}
 * @param namespace the namespace segment, or null for cluster-scoped requests
 * @param resource the resource's plural, e.g. {@code networkpolicies}
 * @param name the object's name, or null for the collection
 * @param subresource e.g. {@code status}, or null
 * @param query the decoded query parameters
 */
record ApiPath(
        String group,
        String version,
        String namespace,
        String resource,
        String name,
        String subresource,
        Map<String, String> query) {

    /** The path's parts, or null when it is no resource path (discovery, OpenAPI, /version). */
    static ApiPath parse(String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        Map<String, String> query = query(q < 0 ? "" : pathAndQuery.substring(q + 1));
        List<String> parts =
                Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
        String group;
        int rest;
        if (parts.size() >= 3 && parts.get(0).equals("api")) {
            group = "";
            rest = 1;
        } else if (parts.size() >= 4 && parts.get(0).equals("apis")) {
            group = parts.get(1);
            rest = 2;
        } else {
            return null;
        }
        String version = parts.get(rest);
        List<String> tail = parts.subList(rest + 1, parts.size());
        boolean namespaced = tail.size() >= 3
                && tail.get(0).equals("namespaces")
                && !(tail.size() == 3
                        && group.isEmpty()
                        && List.of("status", "finalize").contains(tail.get(2)));
        if (namespaced) {
            return new ApiPath(group, version, tail.get(1), tail.get(2), at(tail, 3), at(tail, 4), query);
        }
        return new ApiPath(group, version, null, tail.get(0), at(tail, 1), at(tail, 2), query);
    }

    /** The RBAC verb of a request with this method on this path. */
    String verb(String method) {
        return switch (method) {
            case "GET" -> name != null ? "get" : watch() ? "watch" : "list";
            case "POST" -> "create";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            case "DELETE" -> name != null ? "delete" : "deletecollection";
            default -> method.toLowerCase(Locale.ROOT);
        };
    }

    /** Whether the request asks for a stream of changes. */
    boolean watch() {
        String watch = query.get("watch");
        return "true".equals(watch) || "1".equals(watch);
    }

    /** The path of the collection the object is in (no name, no query). */
    String collectionPath() {
        return (group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version)
                + (namespace == null ? "" : "/namespaces/" + namespace)
                + "/" + resource;
    }

    /** The object's path (no query). */
    String objectPath() {
        return collectionPath() + "/" + name;
    }

    private static String at(List<String> parts, int index) {
        return index < parts.size() ? parts.get(index) : null;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            query.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return Map.copyOf(query);
    }
}
