package io.netform.kubesim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.kubernetes.client.utils.Utils;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.netform.file.AtomicFile;
import io.netform.json.ExactJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The objects: fabric8's CRUD dispatcher (the store of {@code KubernetesMockServer} in CRUD mode)
 * with what a client of a real API server relies on added in front of it: server-side apply and
 * strategic merge patches, a 404 for objects created in a namespace that does not exist, namespaced
 * objects deleted with their namespace, custom resources with their definition, and a snapshot of every object written to
 * {@code objects.json} within a tenth of a second of a change and on close (reloaded on start, uids
 * and timestamps kept).
 */
final class ObjectStore implements AutoCloseable {

    private static final String SNAPSHOT = "objects.json";
    private static final Duration SAVE_DELAY = Duration.ofMillis(100);
    private static final List<String> SEED_NAMESPACES = List.of("default", "kube-system", "kube-public");
    private static final String DEFINITIONS = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";

    private final KubernetesCrudDispatcher crud = new KubernetesCrudDispatcher(List.of());
    private final Path snapshot;
    /** Writes one at a time, so a snapshot never sees half a change and namespaces cascade atomically. */
    private final Object writes = new Object();
    /**
     * Writes the snapshot a moment after a change, so a burst of changes is written once rather than
     * the whole store once per object.
     */
    private final ScheduledExecutorService saver = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kube-sim-save");
        t.setDaemon(true);
        return t;
    });
    /** Whether a snapshot is scheduled; guarded by {@link #writes}. */
    private boolean saveScheduled;

    private ObjectStore(Path snapshot) {
        this.snapshot = snapshot;
    }

    /** The store kept in the directory (null: in memory only), loaded from its snapshot or seeded. */
    static ObjectStore open(Path directory) {
        ObjectStore store = new ObjectStore(directory == null ? null : directory.resolve(SNAPSHOT));
        if (store.snapshot != null && Files.exists(store.snapshot)) {
            store.load();
        } else {
            SEED_NAMESPACES.forEach(name -> store.call(
                    HttpMethod.POST,
                    "/api/v1/namespaces",
                    "application/json",
                    "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"" + name + "\"}}"));
            store.save();
        }
        return store;
    }

    /** Answers one API request; a watch answers with a WebSocket listener the caller streams from. */
    MockResponse handle(String method, ApiPath path, String pathAndQuery, String contentType, byte[] body) {
        Optional<MockResponse> unsupported = Selectors.refusal(path);
        if (unsupported.isPresent()) {
            return unsupported.get();
        }
        if (method.equals("GET")) {
            return tidy(crud.dispatch(request(HttpMethod.GET, pathAndQuery, null, null)));
        }
        synchronized (writes) {
            MockResponse response = write(method, path, pathAndQuery, contentType, body);
            if (response.code() / 100 == 2) {
                scheduleSave();
            }
            return tidy(response);
        }
    }

    private MockResponse write(String method, ApiPath path, String pathAndQuery, String contentType, byte[] bytes) {
        if (path.query().containsKey("dryRun")) {
            // the store cannot try a change without making it: refused, lest a dry run change something
            return KubeStatus.failure(400, "BadRequest", "kube-sim does not support dryRun", null, null);
        }
        if (path.namespace() != null && !exists("/api/v1/namespaces/" + path.namespace())) {
            return KubeStatus.failure(
                    404,
                    "NotFound",
                    "namespaces \"" + path.namespace() + "\" not found",
                    "namespaces",
                    path.namespace());
        }
        String type = contentType == null ? "" : contentType.split(";")[0].trim();
        String body = new String(bytes, StandardCharsets.UTF_8);
        if (type.equals(ProtobufBody.MEDIA_TYPE)) {
            try {
                body = ProtobufBody.decode(bytes).toString();
                contentType = "application/json";
            } catch (IllegalArgumentException e) {
                return KubeStatus.failure(415, "UnsupportedMediaType", e.getMessage(), null, null);
            }
        }
        if (method.equals("PATCH") && type.equals("application/apply-patch+yaml")) {
            return serverSideApply(path, body);
        }
        if (method.equals("PATCH") && type.equals("application/strategic-merge-patch+json")) {
            return strategicMerge(path, body);
        }
        List<ApiResource> undefined = method.equals("DELETE") ? definedAt(path) : List.of();
        MockResponse response = crud.dispatch(request(HttpMethod.valueOf(method), pathAndQuery, contentType, body));
        if (response.code() == 200 && !undefined.isEmpty()) {
            deleteObjectsOf(undefined);
        }
        if (method.equals("DELETE")
                && response.code() == 200
                && path.group().isEmpty()
                && path.resource().equals("namespaces")
                && path.name() != null
                && path.subresource() == null) {
            deleteNamespaced(path.name());
        }
        return response;
    }

    private MockResponse serverSideApply(ApiPath path, String body) {
        ObjectNode applied;
        try {
            Object yaml = new Load(LoadSettings.builder().build()).loadFromString(body);
            applied = ExactJson.MAPPER.valueToTree(yaml);
        } catch (RuntimeException e) {
            return KubeStatus.failure(
                    400, "BadRequest", "the apply body is no YAML object: " + e.getMessage(), null, null);
        }
        String manager = path.query().get("fieldManager");
        if (manager == null || manager.isEmpty()) {
            return KubeStatus.failure(
                    400, "BadRequest", "PATCH with apply-patch+yaml requires the fieldManager parameter", null, null);
        }
        MockResponse current = crud.dispatch(request(HttpMethod.GET, path.objectPath(), null, null));
        if (current.code() == 404) {
            ObjectNode created = ServerSideApply.create(applied, manager);
            if (path.namespace() != null) {
                created.withObjectProperty("metadata").put("namespace", path.namespace());
            }
            return call(HttpMethod.POST, path.collectionPath(), "application/json", created.toString());
        }
        ObjectNode updated = ServerSideApply.apply(tree(current), applied, manager);
        return call(HttpMethod.PUT, path.objectPath(), "application/json", updated.toString());
    }

    private MockResponse strategicMerge(ApiPath path, String body) {
        MockResponse current = crud.dispatch(request(HttpMethod.GET, path.objectPath(), null, null));
        if (current.code() != 200) {
            return current;
        }
        ObjectNode patch;
        try {
            patch = (ObjectNode) ExactJson.MAPPER.readTree(body);
        } catch (JsonProcessingException | ClassCastException e) {
            return KubeStatus.failure(400, "BadRequest", "the patch is no JSON object", null, null);
        }
        ObjectNode patched = StrategicMerge.apply(tree(current), patch);
        return call(HttpMethod.PUT, path.objectPath(), "application/json", patched.toString());
    }

    /** The kinds of stored CustomResourceDefinitions, which discovery lists beside the built-in ones. */
    List<ApiResource> customTypes() {
        MockResponse list = crud.dispatch(request(HttpMethod.GET, DEFINITIONS, null, null));
        List<ApiResource> types = new ArrayList<>();
        if (list.code() == 200) {
            parse(list.getBody().readUtf8()).path("items").forEach(item -> types.addAll(ApiResource.definedBy(item)));
        }
        return types;
    }

    /** The kinds the CustomResourceDefinition at the path defines, if it is the path of one. */
    private List<ApiResource> definedAt(ApiPath path) {
        if (!path.group().equals("apiextensions.k8s.io")
                || !path.resource().equals("customresourcedefinitions")
                || path.name() == null
                || path.subresource() != null) {
            return List.of();
        }
        MockResponse current = crud.dispatch(request(HttpMethod.GET, path.objectPath(), null, null));
        return current.code() == 200 ? ApiResource.definedBy(tree(current)) : List.of();
    }

    /** Deletes the objects of the kinds, as Kubernetes does when their definition is deleted. */
    private void deleteObjectsOf(List<ApiResource> kinds) {
        List<String> paths = new ArrayList<>();
        for (Map.Entry<AttributeSet, String> entry : List.copyOf(crud.getMap().entrySet())) {
            JsonNode object = parse(entry.getValue());
            String collection = collectionPath(entry.getKey(), object);
            boolean defined = kinds.stream()
                    .anyMatch(kind -> collection.startsWith("/apis/" + kind.groupVersion() + "/")
                            && collection.endsWith("/" + kind.plural()));
            if (defined) {
                paths.add(
                        collection + "/" + object.path("metadata").path("name").asText());
            }
        }
        paths.forEach(path -> call(HttpMethod.DELETE, path, null, null));
    }

    /** Deletes every object in the namespace, as the namespace controller does (at once: no Terminating phase). */
    private void deleteNamespaced(String namespace) {
        for (String path : objectPaths(namespace)) {
            call(HttpMethod.DELETE, path, null, null);
        }
    }

    private List<String> objectPaths(String namespace) {
        List<String> paths = new ArrayList<>();
        for (Map.Entry<AttributeSet, String> entry : List.copyOf(crud.getMap().entrySet())) {
            JsonNode object = parse(entry.getValue());
            if (namespace.equals(object.path("metadata").path("namespace").asText(null))) {
                paths.add(collectionPath(entry.getKey(), object) + "/"
                        + object.path("metadata").path("name").asText());
            }
        }
        return paths;
    }

    private boolean exists(String objectPath) {
        return crud.dispatch(request(HttpMethod.GET, objectPath, null, null)).code() == 200;
    }

    private MockResponse call(HttpMethod method, String path, String contentType, String body) {
        return crud.dispatch(request(method, path, contentType, body));
    }

    private static RecordedRequest request(HttpMethod method, String path, String contentType, String body) {
        Headers.Builder headers = Headers.builder();
        if (contentType != null) {
            headers.add("Content-Type", contentType);
        }
        Buffer buffer = new Buffer();
        if (body != null) {
            buffer.write(body.getBytes(StandardCharsets.UTF_8));
        }
        return new RecordedRequest("HTTP/1.1", method, path, headers.build(), buffer);
    }

    /** The collection an object is stored under: its group and version, the plural the store recorded, its namespace. */
    private static String collectionPath(AttributeSet key, JsonNode object) {
        String apiVersion = object.path("apiVersion").asText();
        String plural = key.getAttribute("plural").getValues().get(0).toString();
        String namespace = object.path("metadata").path("namespace").asText(null);
        return (apiVersion.contains("/") ? "/apis/" : "/api/")
                + apiVersion
                + (namespace == null ? "" : "/namespaces/" + namespace)
                + "/" + plural;
    }

    /** Writes what a scheduled snapshot would have written, and stops. */
    @Override
    public void close() {
        saver.shutdownNow();
        synchronized (writes) {
            if (saveScheduled) {
                saveScheduled = false;
                save();
            }
        }
    }

    private void scheduleSave() {
        if (snapshot != null && !saveScheduled) {
            saveScheduled = true;
            saver.schedule(this::scheduledSave, SAVE_DELAY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void scheduledSave() {
        synchronized (writes) {
            if (!saveScheduled) {
                return;
            }
            saveScheduled = false;
            try {
                save();
            } catch (UncheckedIOException e) {
                // the next change tries again; the console says why this one failed
                System.err.println("kube-sim: " + e.getMessage() + ": " + e.getCause());
            }
        }
    }

    private void save() {
        if (snapshot == null) {
            return;
        }
        ArrayNode objects = JsonNodeFactory.instance.arrayNode();
        crud.getMap().forEach((key, json) -> {
            JsonNode object = parse(json);
            objects.addObject().put("collection", collectionPath(key, object)).set("object", object);
        });
        try {
            AtomicFile.replace(
                    snapshot, ExactJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(objects));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + snapshot, e);
        }
    }

    /** Puts each saved object back under its collection as it was (uid, timestamps, resourceVersion). */
    private void load() {
        JsonNode objects;
        try {
            objects = ExactJson.MAPPER.readTree(Files.readString(snapshot));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + snapshot, e);
        }
        long newest = 0;
        long newestUid = 0;
        for (JsonNode saved : objects) {
            String json = saved.path("object").toString();
            String collection = saved.path("collection").asText();
            crud.processEvent(
                    collection,
                    crud.getKey(collection),
                    null,
                    Serialization.unmarshal(json, GenericKubernetesResource.class),
                    json);
            newest = Math.max(
                    newest,
                    saved.path("object")
                            .path("metadata")
                            .path("resourceVersion")
                            .asLong());
            newestUid = Math.max(
                    newestUid,
                    uidNumber(saved.path("object").path("metadata").path("uid").asText()));
        }
        // fabric8 numbers uids from one JVM-wide counter: skip past the loaded ones so no uid repeats
        while (Utils.generateId().getLeastSignificantBits() < newestUid) {
            // each call takes the next uid
        }
        // resource versions keep growing across restarts, so a client's cached version never matches a new one
        while (crud.requestResourceVersion() < newest) {
            // each call takes the next version
        }
    }

    /**
     * The JSON without the {@code "namespace": null} fabric8's store writes into a cluster-scoped
     * object's metadata when it is replaced or patched, which a real API server leaves out: in an
     * object, in each item of a list, and in a watch event's object.
     */
    static String tidy(String json) {
        if (!json.contains("\"namespace\":null")) {
            return json;
        }
        JsonNode root = parse(json);
        dropNullNamespace(root);
        dropNullNamespace(root.path("object"));
        root.path("items").forEach(ObjectStore::dropNullNamespace);
        return root.toString();
    }

    private static void dropNullNamespace(JsonNode object) {
        if (object.path("metadata").path("namespace").isNull()) {
            ((ObjectNode) object.get("metadata")).remove("namespace");
        }
    }

    private static MockResponse tidy(MockResponse response) {
        if (response.getWebSocketListener() != null || response.getBody() == null) {
            return response;
        }
        return response.setBody(tidy(response.getBody().readUtf8()));
    }

    private static long uidNumber(String uid) {
        try {
            return UUID.fromString(uid).getLeastSignificantBits();
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }

    private static ObjectNode tree(MockResponse response) {
        return (ObjectNode) parse(response.getBody().readUtf8());
    }

    static JsonNode parse(String json) {
        try {
            return ExactJson.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the store holds an object that is no JSON: " + e.getMessage(), e);
        }
    }
}
