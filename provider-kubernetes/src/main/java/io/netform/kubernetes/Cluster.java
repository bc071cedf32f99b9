package io.netform.kubernetes;

import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.netform.provider.DiagnosticException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The API server as the provider's resources and data sources use it: get, list, create, replace
 * and delete of objects as parsed JSON, each one HTTP call, every failure a diagnostic that says
 * which call was refused and why.
 */
public final class Cluster implements AutoCloseable {

    /** A refused call that may succeed when retried on fresh data: 409 Conflict. */
    public static final class Conflict extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Conflict(String message) {
            super(message);
        }
    }

    private final KubernetesClient client;
    private final ClientSettings settings;
    /** Kinds found by discovery, by api_version and kind. */
    private final Map<List<String>, Kind> discovered = new ConcurrentHashMap<>();

    Cluster(ClientSettings settings) {
        this.settings = settings;
        this.client =
                new KubernetesClientBuilder().withConfig(settings.config()).build();
    }

    /** The object, or null when the API server says it does not exist. */
    public Map<String, Object> get(Kind kind, String namespace, String name) {
        return call(
                "get",
                kind,
                namespace,
                name,
                () -> plain(in(kind, namespace).withName(name).get()));
    }

    /** One list call: the objects of a kind (in a namespace, or all when null) matching the selectors. */
    public List<Map<String, Object>> list(
            Kind kind, String namespace, String labelSelector, String fieldSelector, Long limit) {
        return call("list", kind, namespace, null, () -> {
            MixedOperation<
                            GenericKubernetesResource,
                            GenericKubernetesResourceList,
                            Resource<GenericKubernetesResource>>
                    all = client.genericKubernetesResources(kind.context());
            FilterWatchListDeletable<
                            GenericKubernetesResource,
                            GenericKubernetesResourceList,
                            Resource<GenericKubernetesResource>>
                    scoped = kind.namespaced() && namespace != null ? all.inNamespace(namespace) : all.inAnyNamespace();
            ListOptionsBuilder options = new ListOptionsBuilder();
            if (labelSelector != null) {
                options.withLabelSelector(labelSelector);
            }
            if (fieldSelector != null) {
                options.withFieldSelector(fieldSelector);
            }
            if (limit != null) {
                options.withLimit(limit);
            }
            List<Map<String, Object>> objects = new ArrayList<>();
            scoped.list(options.build()).getItems().forEach(item -> objects.add(plain(item)));
            return objects;
        });
    }

    /**
     * The kind of this api_version and kind: a built-in one without an API call, any other (a custom
     * resource definition's) from the API server's discovery document of its group version.
     *
     * @throws DiagnosticException "Unknown kind" when the API server serves no such kind
     */
    public Kind kind(String apiVersion, String kind) {
        return find(apiVersion, kind)
                .orElseThrow(() -> new DiagnosticException("Unknown kind", noMatch(apiVersion, kind) + "."));
    }

    /** The kind, or empty when the API server does not serve it (its CustomResourceDefinition is missing). */
    public Optional<Kind> find(String apiVersion, String kind) {
        Class<? extends io.fabric8.kubernetes.api.model.KubernetesResource> type =
                client.getKubernetesSerialization().getRegisteredKubernetesResource(apiVersion, kind);
        if (type != null) {
            ResourceDefinitionContext context = ResourceDefinitionContext.fromResourceType(type);
            return Optional.of(new Kind(apiVersion, kind, context.getPlural(), context.isNamespaceScoped()));
        }
        // only what was found is kept: a missing kind is asked again, as its definition may be applied meanwhile
        Kind known = discovered.get(List.of(apiVersion, kind));
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Kind> served = discover(apiVersion, kind);
        served.ifPresent(found -> discovered.put(List.of(apiVersion, kind), found));
        return served;
    }

    /** One GET of the group version's resource list; subresources ({@code widgets/status}) are no kinds. */
    private Optional<Kind> discover(String apiVersion, String kind) {
        Kind probe = new Kind(apiVersion, kind, "", false);
        APIResourceList resources = call("discover", probe, null, null, () -> {
            try {
                return client.getApiResources(apiVersion);
            } catch (KubernetesClientException e) {
                if (e.getCode() == 404) {
                    return null;
                }
                throw e;
            }
        });
        if (resources == null || resources.getResources() == null) {
            return Optional.empty();
        }
        return resources.getResources().stream()
                .filter(resource ->
                        kind.equals(resource.getKind()) && !resource.getName().contains("/"))
                .findFirst()
                .map(resource ->
                        new Kind(apiVersion, kind, resource.getName(), Boolean.TRUE.equals(resource.getNamespaced())));
    }

    /** Kubernetes' own words for a kind the API server does not serve. */
    public static String noMatch(String apiVersion, String kind) {
        int slash = apiVersion.indexOf('/');
        return slash < 0
                ? "no matches for kind \"" + kind + "\" in version \"" + apiVersion + "\""
                : "no matches for kind \"" + kind + "\" in group \"" + apiVersion.substring(0, slash) + "\"";
    }

    /** Creates the object and returns it as the API server stored it. */
    public Map<String, Object> create(Kind kind, Map<String, Object> object) {
        GenericKubernetesResource resource = resource(object);
        String namespace = resource.getMetadata().getNamespace();
        String name = resource.getMetadata().getName();
        return call(
                "create",
                kind,
                namespace,
                name == null ? resource.getMetadata().getGenerateName() + "*" : name,
                () -> plain(in(kind, namespace).resource(resource).create()));
    }

    /**
     * Replaces the object (PUT) if its resourceVersion is still the stored one.
     *
     * @throws Conflict when another writer changed it since it was read
     */
    public Map<String, Object> replace(Kind kind, Map<String, Object> object) {
        GenericKubernetesResource resource = resource(object);
        String namespace = resource.getMetadata().getNamespace();
        return call(
                "update",
                kind,
                namespace,
                resource.getMetadata().getName(),
                () -> plain(in(kind, namespace).resource(resource).update()));
    }

    /** A JSON Patch (RFC 6902 operations) of the object, recorded under {@code fieldManager}; returns the object patched. */
    public Map<String, Object> jsonPatch(
            Kind kind, String namespace, String name, List<Map<String, Object>> patch, String fieldManager) {
        String json = client.getKubernetesSerialization().asJson(patch);
        return call(
                "patch",
                kind,
                namespace,
                name,
                () -> plain(in(kind, namespace)
                        .withName(name)
                        .patch(
                                new io.fabric8.kubernetes.client.dsl.base.PatchContext.Builder()
                                        .withPatchType(io.fabric8.kubernetes.client.dsl.base.PatchType.JSON)
                                        .withFieldManager(fieldManager)
                                        .build(),
                                json)));
    }

    /**
     * Server-side apply of the object under {@code fieldManager}; {@code force} takes over fields
     * other managers own. Returns the object as the API server stored it.
     */
    public Map<String, Object> serverSideApply(
            Kind kind, Map<String, Object> object, String fieldManager, boolean force) {
        GenericKubernetesResource resource = resource(object);
        String namespace = resource.getMetadata().getNamespace();
        return call("apply", kind, namespace, resource.getMetadata().getName(), () -> {
            var applied = in(kind, namespace).resource(resource).fieldManager(fieldManager);
            return plain((force ? applied.forceConflicts() : applied).serverSideApply());
        });
    }

    /** Deletes the object; one that is already gone counts as deleted. */
    public void delete(Kind kind, String namespace, String name) {
        call(
                "delete",
                kind,
                namespace,
                name,
                () -> in(kind, namespace).withName(name).delete());
    }

    @Override
    public void close() {
        client.close();
    }

    private NonNamespaceOperation<
                    GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>>
            in(Kind kind, String namespace) {
        MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>>
                all = client.genericKubernetesResources(kind.context());
        return kind.namespaced() ? all.inNamespace(namespace) : all;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> plain(GenericKubernetesResource resource) {
        return resource == null ? null : client.getKubernetesSerialization().convertValue(resource, Map.class);
    }

    private GenericKubernetesResource resource(Map<String, Object> object) {
        return client.getKubernetesSerialization().convertValue(object, GenericKubernetesResource.class);
    }

    private <T> T call(String verb, Kind kind, String namespace, String name, Supplier<T> request) {
        try {
            return request.get();
        } catch (KubernetesClientException e) {
            throw refusal(verb, kind, namespace, name, e);
        }
    }

    private RuntimeException refusal(
            String verb, Kind kind, String namespace, String name, KubernetesClientException e) {
        // discovery has no plural yet: it names the group version it asked for
        String what = (kind.plural().isEmpty() ? "the resources of " + kind.apiVersion() : kind.plural())
                + (name == null ? "" : " \"" + name + "\"")
                + (kind.namespaced() && namespace != null ? " in namespace \"" + namespace + "\"" : "");
        String message = e.getStatus() != null && e.getStatus().getMessage() != null
                ? e.getStatus().getMessage()
                : e.getMessage();
        if (e.getCode() <= 0 && cause(e, IOException.class) != null) {
            return unreachable(e);
        }
        return switch (e.getCode()) {
            case 401 ->
                new DiagnosticException(
                        "Kubernetes did not accept the credentials",
                        "The API server answered 401 Unauthorized to " + verb + " " + what + ": " + message
                                + ". Check token, client_certificate / client_key or the kubeconfig user ("
                                + settings.description() + ").");
            case 403 ->
                new DiagnosticException(
                        "Kubernetes refused to " + verb + " " + what,
                        "The API server answered 403 Forbidden: " + message);
            case 409 ->
                "update".equals(verb)
                        ? new Conflict(message)
                        : new DiagnosticException(
                                "Kubernetes refused to " + verb + " " + what, "409 Conflict: " + message);
            case 422 ->
                new DiagnosticException(
                        "Kubernetes rejected the " + kind.kind() + " as invalid",
                        "The API server refused to " + verb + " " + what + ": " + message);
            default ->
                new DiagnosticException(
                        "Kubernetes API error",
                        "The API server answered " + e.getCode() + " to " + verb + " " + what + ": " + message);
        };
    }

    private static Throwable cause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return cause;
            }
        }
        return null;
    }

    private DiagnosticException unreachable(KubernetesClientException e) {
        Throwable cause = cause(e, IOException.class);
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new DiagnosticException(
                "Cannot reach the Kubernetes API server",
                "The kubernetes provider configuration (" + settings.description() + ") points at "
                        + settings.config().getMasterUrl() + ", which did not answer: " + why + ".");
    }
}
