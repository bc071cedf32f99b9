package io.netform.kubernetes.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.kubernetes.Cluster;
import io.netform.kubernetes.Kind;
import io.netform.kubernetes.schema.PlainValues;
import io.netform.provider.DiagnosticException;
import io.netform.provider.ResourceType;
import io.netform.value.AttributePath;
import io.netform.value.CodecException;
import io.netform.value.CtyJson;
import io.netform.value.Type;
import io.netform.value.Value;
import io.netform.wire.NestedBlock;
import io.netform.wire.Nesting;
import io.netform.wire.Schema;
import io.netform.wire.SchemaAttribute;
import io.netform.wire.SchemaBlock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code kubernetes_manifest}: any object of a kind the API server serves (built in, or a custom
 * resource definition's), written by server-side apply.
 * {@code object} is the object as the server returns it, limited to the fields the manifest names
 * and those {@code computed_fields} lists, so that a manifest field edited on the server shows as drift.
 */
public final class ManifestResource implements ResourceType {

    /** The real provider's default: the server may add labels and annotations of its own. */
    private static final List<String> DEFAULT_COMPUTED = List.of("metadata.labels", "metadata.annotations");

    private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    /** The nested blocks, each a list of at most one. */
    private static final List<String> BLOCKS = List.of("field_manager", "wait", "timeouts");

    private final Supplier<Cluster> cluster;
    private final Polling polling;

    ManifestResource(Supplier<Cluster> cluster, Polling polling) {
        this.cluster = cluster;
        this.polling = polling;
    }

    /**
     * As terraform-provider-kubernetes declares it (schema version 1): {@code field_manager}, {@code wait}
     * and {@code timeouts} are lists of at most one block, so configuration and references written
     * for it ({@code wait[0].fields}) work unchanged.
     */
    @Override
    public Schema schema() {
        SchemaBlock fieldManager = SchemaBlock.of(
                SchemaAttribute.string("name")
                        .optional()
                        .describedAs("The field manager the manifest is applied under (default \"Terraform\")."),
                SchemaAttribute.bool("force_conflicts")
                        .optional()
                        .describedAs("Take over fields another field manager owns (default false)."));
        SchemaBlock condition = SchemaBlock.of(
                SchemaAttribute.string("type").optional().describedAs("The condition's type, e.g. Ready."),
                SchemaAttribute.string("status").optional().describedAs("The condition's status, e.g. True."));
        SchemaBlock wait = SchemaBlock.of(
                        SchemaAttribute.of("fields", Type.map(Type.STRING))
                                .optional()
                                .describedAs("Paths and the regular expressions their values must match."),
                        SchemaAttribute.bool("rollout")
                                .optional()
                                .describedAs("Wait for the rollout of a Deployment, StatefulSet or DaemonSet to"
                                        + " complete, as kubectl rollout status does."))
                .with(NestedBlock.list("condition", condition));
        return Schema.of(SchemaBlock.of(
                                SchemaAttribute.of("manifest", Type.DYNAMIC)
                                        .required()
                                        .describedAs("The object to apply, as Kubernetes takes it."),
                                SchemaAttribute.of("object", Type.DYNAMIC)
                                        .computed()
                                        .describedAs("The object as the API server returns it: the manifest's fields."),
                                SchemaAttribute.of("computed_fields", Type.list(Type.STRING))
                                        .optional()
                                        .describedAs("Manifest fields the API server may change (default:"
                                                + " metadata.labels and metadata.annotations)."))
                        .with(new NestedBlock("field_manager", Nesting.LIST, fieldManager, 0, 1))
                        .with(new NestedBlock("wait", Nesting.LIST, wait, 0, 1))
                        .with(Timeouts.listBlock("create", "update", "delete")))
                .withVersion(1);
    }

    /** State of schema version 0, whose three blocks were single ones: each becomes a list of it, or empty. */
    @Override
    public Value upgradeState(long storedVersion, JsonNode stored) {
        if (storedVersion != 0 || !(stored instanceof ObjectNode object)) {
            return ResourceType.super.upgradeState(storedVersion, stored);
        }
        ObjectNode upgraded = object.deepCopy();
        for (String block : BLOCKS) {
            JsonNode single = upgraded.path(block);
            ArrayNode list = upgraded.putArray(block);
            if (single.isObject()) {
                list.add(single);
            }
        }
        try {
            return CtyJson.fromNode(upgraded, schema().impliedType());
        } catch (CodecException e) {
            throw new DiagnosticException("Cannot upgrade stored state", e.reason(), e.path());
        }
    }

    @Override
    public void validate(Value config) {
        Timeouts.validate(config);
        Value wait = single(config, "wait");
        if (wait == null) {
            return;
        }
        // as the real provider, one way of waiting at a time
        List<String> waiters = new ArrayList<>();
        if (!wait.getAttr("rollout").isNull()) {
            waiters.add("rollout");
        }
        if (!wait.getAttr("fields").isNull()) {
            waiters.add("fields");
        }
        if (!wait.getAttr("condition").isNull()
                && (!wait.getAttr("condition").isKnown()
                        || !wait.getAttr("condition").elements().isEmpty())) {
            waiters.add("condition");
        }
        if (waiters.size() > 1) {
            throw new DiagnosticException(
                    "Invalid wait configuration",
                    "You may only set one of \"" + String.join("\", \"", waiters) + "\".",
                    AttributePath.root().attr("wait"));
        }
    }

    @Override
    public Value customizePlan(Value prior, Value planned, Value config) {
        Value manifest = planned.getAttr("manifest");
        if (!manifest.isWhollyKnown()) {
            return planned.withAttributes(Map.of("object", Value.unknown(Type.DYNAMIC)));
        }
        // the kind must be served now, as the real provider asks discovery at plan time: a custom
        // resource's definition has to exist before a manifest of its kind can be planned
        Target target = target(manifest);
        if (waitsForRollout(planned) && !Rollout.applies(target.kind())) {
            throw new DiagnosticException(
                    "Invalid wait configuration",
                    "wait { rollout = true } waits for the rollout of a Deployment, StatefulSet or DaemonSet of"
                            + " apps/v1, as kubectl rollout status does; a "
                            + target.kind().kind() + " of "
                            + target.kind().apiVersion() + " has no rollout (no status viewer has been implemented"
                            + " for it).",
                    AttributePath.root().attr("wait").index(0).attr("rollout"));
        }
        boolean sameManifest = !prior.isNull() && prior.getAttr("manifest").equals(manifest);
        Map<String, Object> expected = asMap(PlainValues.toPlain(manifest));
        Map<String, Object> priorObject =
                prior.isNull() || prior.getAttr("object").isNull() ? Map.of() : asMap(plainOf(prior.getAttr("object")));
        Value object = PlainValues.fromAnyPlain(expected);
        // A field the server may change keeps its last value while the manifest stays, else it is known after apply.
        for (String path : computedFields(planned)) {
            List<Object> steps = steps(path);
            if (at(expected, steps) != null) {
                Object last = at(priorObject, steps);
                object = replace(
                        object,
                        steps,
                        sameManifest && last != null ? PlainValues.fromAnyPlain(last) : Value.unknown(Type.DYNAMIC));
            }
        }
        return planned.withAttributes(Map.of("object", object));
    }

    /** Another apiVersion, kind, name or namespace is another object: the old one is destroyed, as the real provider does. */
    @Override
    public List<AttributePath> replacedBy(Value prior, Value planned) {
        Value before = prior.getAttr("manifest");
        Value after = planned.getAttr("manifest");
        if (!before.isWhollyKnown() || !after.isWhollyKnown()) {
            return List.of();
        }
        return identity(before).equals(identity(after))
                ? List.of()
                : List.of(AttributePath.root().attr("manifest"));
    }

    private static List<Object> identity(Value manifest) {
        Map<String, Object> plain = asMap(PlainValues.toPlain(manifest));
        Map<String, Object> metadata = asMap(plain.get("metadata"));
        List<Object> identity = new ArrayList<>();
        identity.add(plain.get("apiVersion"));
        identity.add(plain.get("kind"));
        identity.add(metadata.get("name"));
        identity.add(metadata.getOrDefault("namespace", "default"));
        return identity;
    }

    @Override
    public Value create(Value planned, Value config) {
        return apply(planned, "create");
    }

    @Override
    public Value update(Value prior, Value planned, Value config) {
        return apply(planned, "update");
    }

    @Override
    public Value read(Value current) {
        Target target = target(current.getAttr("manifest"));
        Map<String, Object> stored = cluster.get().get(target.kind(), target.namespace(), target.name());
        if (stored == null) {
            return Value.nullOf(schema().impliedType());
        }
        return current.withAttributes(Map.of("object", object(current, stored)));
    }

    @Override
    public void delete(Value prior) {
        Target target = target(prior.getAttr("manifest"));
        cluster.get().delete(target.kind(), target.namespace(), target.name());
        Duration timeout = Timeouts.of(prior, "delete", DEFAULT_TIMEOUT);
        if (!polling.until(
                timeout, () -> cluster.get().get(target.kind(), target.namespace(), target.name()) == null)) {
            throw new DiagnosticException(
                    "Timed out waiting for deletion",
                    "The " + target.kind().kind() + " " + target.id() + " still exists after " + timeout + ".");
        }
    }

    /** Imports by the real provider's id: {@code apiVersion=v1,kind=ConfigMap,namespace=ns,name=n}. */
    @Override
    public Value importState(String id) {
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : id.split(",", -1)) {
            int equals = part.indexOf('=');
            if (equals > 0) {
                parts.put(
                        part.substring(0, equals).trim(),
                        part.substring(equals + 1).trim());
            }
        }
        if (!parts.containsKey("apiVersion") || !parts.containsKey("kind") || !parts.containsKey("name")) {
            throw new DiagnosticException(
                    "Invalid import id",
                    "A kubernetes_manifest is imported by \"apiVersion=v1,kind=ConfigMap,namespace=ns,name=n\""
                            + " (namespace only for namespaced kinds), not \"" + id + "\".");
        }
        Kind kind = kindOf(parts.get("apiVersion"), parts.get("kind"));
        String namespace = kind.namespaced() ? parts.getOrDefault("namespace", "default") : null;
        Map<String, Object> stored = cluster.get().get(kind, namespace, parts.get("name"));
        if (stored == null) {
            throw new DiagnosticException(
                    "Cannot import non-existent remote object",
                    "The " + kind.kind() + " " + (namespace == null ? "" : namespace + "/") + parts.get("name")
                            + " does not exist.");
        }
        Map<String, Object> manifest = new LinkedHashMap<>(stored);
        manifest.remove("status");
        Map<String, Object> metadata = new LinkedHashMap<>(asMap(stored.get("metadata")));
        // What the server keeps for itself is no part of a manifest a user would write.
        for (String server :
                List.of("uid", "resourceVersion", "generation", "creationTimestamp", "managedFields", "selfLink")) {
            metadata.remove(server);
        }
        manifest.put("metadata", metadata);
        Map<String, Value> state = new LinkedHashMap<>();
        Type type = schema().impliedType();
        ((Type.ObjectType) type)
                .attributeTypes()
                .forEach((name, attribute) -> state.put(
                        name,
                        BLOCKS.contains(name) && attribute instanceof Type.ListType list
                                ? Value.list(list.elementType(), List.of())
                                : Value.nullOf(attribute)));
        state.put("manifest", PlainValues.fromAnyPlain(manifest));
        return Value.object(state);
    }

    private Value apply(Value planned, String operation) {
        Value manifest = planned.getAttr("manifest");
        Target target = target(manifest);
        Value manager = single(planned, "field_manager");
        String name = manager == null || manager.getAttr("name").isNull()
                ? "Terraform"
                : manager.getAttr("name").asString();
        boolean force = manager != null && isTrue(manager.getAttr("force_conflicts"));
        Map<String, Object> object = new LinkedHashMap<>(asMap(PlainValues.toPlain(manifest)));
        Map<String, Object> metadata = new LinkedHashMap<>(asMap(object.get("metadata")));
        if (target.namespace() != null) {
            metadata.put("namespace", target.namespace());
        }
        object.put("metadata", metadata);
        Map<String, Object> stored = cluster.get().serverSideApply(target.kind(), object, name, force);
        stored = awaited(planned, target, stored, Timeouts.of(planned, operation, DEFAULT_TIMEOUT));
        return planned.withAttributes(Map.of("object", object(planned, stored)));
    }

    /** Polls until the {@code wait} block's rollout, fields or conditions hold; the object as last read. */
    private Map<String, Object> awaited(Value planned, Target target, Map<String, Object> stored, Duration timeout) {
        Value wait = single(planned, "wait");
        if (wait == null) {
            return stored;
        }
        boolean rollout = isTrue(wait.getAttr("rollout"));
        Map<String, String> fields = new LinkedHashMap<>();
        if (!wait.getAttr("fields").isNull()) {
            wait.getAttr("fields").asMap().forEach((path, pattern) -> fields.put(path, pattern.asString()));
        }
        List<Value> conditions = wait.getAttr("condition").isNull()
                ? List.of()
                : wait.getAttr("condition").elements();
        if (!rollout && fields.isEmpty() && conditions.isEmpty()) {
            return stored;
        }
        List<Map<String, Object>> last = new ArrayList<>(List.of(stored));
        List<String> pending = new ArrayList<>(List.of(""));
        boolean done = polling.until(timeout, () -> {
            Map<String, Object> now = cluster.get().get(target.kind(), target.namespace(), target.name());
            if (now == null) {
                return false;
            }
            last.set(0, now);
            if (!rollout) {
                return fieldsMatch(now, fields) && conditionsHold(now, conditions);
            }
            Rollout.Status status = Rollout.of(now);
            if (status instanceof Rollout.Status.Failed failed) {
                throw new DiagnosticException(
                        "Rollout failed",
                        "The " + target.kind().kind() + " " + target.id() + " will not complete its rollout: "
                                + failed.reason() + ".");
            }
            if (status instanceof Rollout.Status.Waiting waiting) {
                pending.set(0, waiting.reason());
                return false;
            }
            return true;
        });
        if (!done) {
            throw new DiagnosticException(
                    "Timed out waiting on the manifest",
                    "The " + target.kind().kind() + " " + target.id() + " did not meet its wait conditions ("
                            + (rollout ? "rollout to complete: " + pending.get(0) : "")
                            + (fields.isEmpty() ? "" : "fields " + fields + " ")
                            + (conditions.isEmpty() ? "" : "conditions " + conditionText(conditions)) + ") within "
                            + timeout + ".");
        }
        return last.get(0);
    }

    private static boolean waitsForRollout(Value state) {
        Value wait = single(state, "wait");
        return wait != null && isTrue(wait.getAttr("rollout"));
    }

    /** The one block of a list of at most one, or null when there is none (or it is not known yet). */
    private static Value single(Value state, String block) {
        Value blocks = state.getAttr(block);
        return blocks.isNull() || !blocks.isKnown() || blocks.elements().isEmpty()
                ? null
                : blocks.elements().get(0);
    }

    private static boolean isTrue(Value flag) {
        return !flag.isNull() && flag.isKnown() && flag.asBoolean();
    }

    private static boolean fieldsMatch(Map<String, Object> object, Map<String, String> fields) {
        for (Map.Entry<String, String> field : fields.entrySet()) {
            Object value = at(object, steps(field.getKey()));
            if (value == null
                    || value instanceof Map<?, ?>
                    || value instanceof List<?>
                    || !Pattern.compile(field.getValue())
                            .matcher(String.valueOf(value))
                            .find()) {
                return false;
            }
        }
        return true;
    }

    private static boolean conditionsHold(Map<String, Object> object, List<Value> conditions) {
        Object present = at(object, steps("status.conditions"));
        List<?> all = present instanceof List<?> list ? list : List.of();
        for (Value condition : conditions) {
            boolean held = all.stream()
                    .anyMatch(item -> item instanceof Map<?, ?> map
                            && matches(condition.getAttr("type"), map.get("type"))
                            && matches(condition.getAttr("status"), map.get("status")));
            if (!held) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(Value wanted, Object actual) {
        return wanted.isNull() || wanted.asString().equals(String.valueOf(actual));
    }

    private static String text(Value value) {
        return value.isNull() ? "any" : "\"" + value.asString() + "\"";
    }

    private static String conditionText(List<Value> conditions) {
        List<String> texts = new ArrayList<>();
        conditions.forEach(condition ->
                texts.add("type=" + text(condition.getAttr("type")) + " status=" + text(condition.getAttr("status"))));
        return String.join(", ", texts);
    }

    /** The stored object limited to the manifest's fields, and to whole computed fields. */
    private Value object(Value state, Map<String, Object> stored) {
        Object shaped = shape(PlainValues.toPlain(state.getAttr("manifest")), stored);
        Map<String, Object> object = new LinkedHashMap<>(asMap(shaped));
        for (String path : computedFields(state)) {
            List<Object> steps = steps(path);
            Object value = at(stored, steps);
            if (value != null && at(object, steps) != null) {
                object = asMap(put(object, steps, value));
            }
        }
        return PlainValues.fromAnyPlain(object);
    }

    /** The stored value of each field the manifest names, recursively. */
    private static Object shape(Object manifest, Object stored) {
        if (manifest instanceof Map<?, ?> wanted && stored instanceof Map<?, ?> present) {
            Map<String, Object> shaped = new LinkedHashMap<>();
            wanted.forEach((key, value) -> {
                if (present.containsKey(key)) {
                    shaped.put(String.valueOf(key), shape(value, present.get(key)));
                }
            });
            return shaped;
        }
        if (manifest instanceof List<?> wanted && stored instanceof List<?> present) {
            List<Object> shaped = new ArrayList<>();
            for (int i = 0; i < present.size(); i++) {
                shaped.add(i < wanted.size() ? shape(wanted.get(i), present.get(i)) : present.get(i));
            }
            return shaped;
        }
        return stored;
    }

    private static List<String> computedFields(Value state) {
        Value given = state.getAttr("computed_fields");
        if (given.isNull() || !given.isKnown()) {
            return DEFAULT_COMPUTED;
        }
        List<String> paths = new ArrayList<>();
        given.elements().forEach(path -> paths.add(path.asString()));
        return paths;
    }

    /** A path as the real provider writes it: {@code spec.ports[0].port}, {@code metadata.labels["a.b/c"]}. */
    static List<Object> steps(String path) {
        List<Object> steps = new ArrayList<>();
        int i = 0;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '.') {
                i++;
            } else if (c == '[') {
                int close = path.indexOf(']', i);
                if (close < 0) {
                    throw new DiagnosticException("Invalid field path", "\"" + path + "\" has an unclosed [.");
                }
                String inside = path.substring(i + 1, close).trim();
                steps.add(
                        inside.startsWith("\"")
                                ? inside.substring(1, inside.length() - 1)
                                : (Object) Integer.parseInt(inside));
                i = close + 1;
            } else {
                int end = i;
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                steps.add(path.substring(i, end));
                i = end;
            }
        }
        return steps;
    }

    private static Object at(Object root, List<Object> steps) {
        Object current = root;
        for (Object step : steps) {
            if (step instanceof Integer index && current instanceof List<?> list) {
                current = index < list.size() ? list.get(index) : null;
            } else if (current instanceof Map<?, ?> map) {
                current = map.get(String.valueOf(step));
            } else {
                return null;
            }
        }
        return current;
    }

    private static Object put(Object root, List<Object> steps, Object value) {
        if (steps.isEmpty()) {
            return value;
        }
        Object step = steps.get(0);
        List<Object> rest = steps.subList(1, steps.size());
        if (step instanceof Integer index && root instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list);
            copy.set(index, put(list.get(index), rest, value));
            return copy;
        }
        Map<String, Object> copy = new LinkedHashMap<>(asMap(root));
        copy.put(String.valueOf(step), put(copy.get(String.valueOf(step)), rest, value));
        return copy;
    }

    /** The value with the element at {@code steps} (which exists) replaced. */
    private static Value replace(Value root, List<Object> steps, Value value) {
        if (steps.isEmpty()) {
            return value;
        }
        Object step = steps.get(0);
        List<Object> rest = steps.subList(1, steps.size());
        if (step instanceof Integer index) {
            List<Value> items = new ArrayList<>(root.elements());
            items.set(index, replace(items.get(index), rest, value));
            return Value.tuple(items);
        }
        String name = String.valueOf(step);
        return root.withAttributes(Map.of(name, replace(root.getAttr(name), rest, value)));
    }

    private static Object plainOf(Value value) {
        return value.isWhollyKnown() ? PlainValues.toPlain(value) : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object plain) {
        return plain instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private record Target(Kind kind, String namespace, String name) {
        String id() {
            return (namespace == null ? "" : namespace + "/") + name;
        }
    }

    /** The kind from the API server, as the real provider finds it, or its error when the server has no such kind. */
    private Kind kindOf(String apiVersion, String kind) {
        return cluster.get()
                .find(apiVersion, kind)
                .orElseThrow(() -> new DiagnosticException(
                        "API did not recognize GroupVersionKind from manifest (CRD may not be installed)",
                        Cluster.noMatch(apiVersion, kind),
                        AttributePath.root().attr("manifest")));
    }

    private Target target(Value manifest) {
        Map<String, Object> plain = asMap(PlainValues.toPlain(manifest));
        Map<String, Object> metadata = asMap(plain.get("metadata"));
        if (!(plain.get("apiVersion") instanceof String apiVersion)
                || !(plain.get("kind") instanceof String kind)
                || !(metadata.get("name") instanceof String name)) {
            throw new DiagnosticException(
                    "Invalid manifest",
                    "A kubernetes_manifest's manifest needs apiVersion, kind and metadata.name"
                            + " (metadata.generateName is not supported).",
                    AttributePath.root().attr("manifest"));
        }
        Kind resolved = kindOf(apiVersion, kind);
        Object namespace = metadata.get("namespace");
        return new Target(
                resolved,
                resolved.namespaced() ? (namespace == null ? "default" : String.valueOf(namespace)) : null,
                name);
    }
}
