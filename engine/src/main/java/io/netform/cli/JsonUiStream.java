package io.netform.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.addrs.InstanceKey;
import io.netform.addrs.ResourceInstance;
import io.netform.hcl.Diagnostic;
import io.netform.plan.Action;
import io.netform.plan.ActionReason;
import io.netform.plan.OutputChange;
import io.netform.plan.Plan;
import io.netform.plan.ResourceChange;
import io.netform.state.OutputState;
import io.netform.state.StateJson;
import java.io.PrintStream;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;

/**
 * Terraform's machine-readable UI ({@code -json}, UI version 1.3): one JSON object per line with
 * {@code @level}, {@code @message}, {@code @module}, {@code @timestamp} and {@code type}, plus the
 * fields of that type. {@code @module} is Terraform's {@code terraform.ui} so that tools which
 * filter on it keep working. Safe to call from several threads: each message is written whole.
 */
final class JsonUiStream {

    /** The version of the message format, written in the {@code version} message. */
    static final String UI_VERSION = "1.3";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSXXX").withZone(ZoneOffset.UTC);

    private final PrintStream out;
    private final Clock clock;

    JsonUiStream(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    /** The first message of every stream. */
    void version(String netformVersion) {
        ObjectNode m = message("info", "Netform " + netformVersion, "version");
        m.put("terraform", netformVersion);
        m.put("ui", UI_VERSION);
        emit(m);
    }

    /** A line of text that has no message type of its own. */
    void log(String level, String text) {
        emit(message(level, text, "log"));
    }

    /** Terraform's {@code state_lock_acquire} or {@code state_lock_release}: taking or releasing the lock is slow. */
    void stateLock(String type, String text) {
        emit(message("info", text, type));
    }

    /** One of init's {@code init_output} messages, identified by Terraform's {@code message_code}. */
    void initOutput(String messageCode, String text) {
        ObjectNode m = message("info", text, "init_output");
        m.put("message_code", messageCode);
        emit(m);
    }

    void diagnostic(Diagnostic d, Map<String, String> sources) {
        ObjectNode m = message(
                d.isError() ? "error" : "warn", (d.isError() ? "Error: " : "Warning: ") + d.summary(), "diagnostic");
        m.set("diagnostic", JsonDiagnostic.encode(d, sources));
        emit(m);
    }

    /**
     * One of {@code netform test}'s messages ({@code test_abstract}, {@code test_file}, ...): {@code body} under
     * the key {@code type}, tagged with {@code @testfile} and {@code @testrun} when they are not null.
     */
    void test(String level, String text, String type, JsonNode body, String testFile, String testRun) {
        ObjectNode m = message(level, text, type);
        m.set(type, body);
        tag(m, testFile, testRun);
        emit(m);
    }

    /** A diagnostic of a test file or run, tagged with {@code @testfile} and {@code @testrun} when not null. */
    void diagnostic(Diagnostic d, Map<String, String> sources, String testFile, String testRun) {
        ObjectNode m = message(
                d.isError() ? "error" : "warn", (d.isError() ? "Error: " : "Warning: ") + d.summary(), "diagnostic");
        m.set("diagnostic", JsonDiagnostic.encode(d, sources));
        tag(m, testFile, testRun);
        emit(m);
    }

    private static void tag(ObjectNode m, String testFile, String testRun) {
        if (testFile != null) {
            m.put("@testfile", testFile);
        }
        if (testRun != null) {
            m.put("@testrun", testRun);
        }
    }

    /** A {@code planned_change} for each change, then the summary and the output changes of the plan. */
    void plan(Plan plan) {
        for (ResourceChange c : plan.drift()) {
            ObjectNode m = message(
                    "info",
                    c.displayAddress() + ": Drift detected (" + c.action().uiName() + ")",
                    "resource_drift");
            m.set("change", change(c));
            emit(m);
        }
        for (ResourceChange c : plan.changes()) {
            if (c.action() == Action.NO_OP) {
                continue;
            }
            ObjectNode m = message(
                    "info", c.displayAddress() + ": Plan to " + c.action().uiName(), "planned_change");
            m.set("change", change(c));
            emit(m);
        }
        Plan.Summary s = plan.summary();
        changeSummary(
                plan.mode() == Plan.Mode.DESTROY ? "destroy" : "plan",
                s.add(),
                s.change(),
                s.destroy(),
                "Plan: " + s.add() + " to add, " + s.change() + " to change, " + s.destroy() + " to destroy.");
        if (!plan.outputs().isEmpty()) {
            ObjectNode outputs = NODES.objectNode();
            for (OutputChange o : new TreeMap<>(plan.outputs()).values()) {
                ObjectNode entry = outputs.putObject(o.name());
                entry.put("sensitive", o.sensitive());
                entry.put("action", o.action().uiName());
            }
            emitOutputs(outputs);
        }
    }

    /** The {@code change_summary} message. */
    void changeSummary(String operation, int add, int change, int remove, String text) {
        ObjectNode m = message("info", text, "change_summary");
        ObjectNode changes = m.putObject("changes");
        changes.put("add", add);
        changes.put("change", change);
        changes.put("import", 0);
        changes.put("remove", remove);
        changes.put("operation", operation);
        emit(m);
    }

    /** The root outputs after an apply; sensitive values are left out. */
    void outputs(Map<String, OutputState> outputs) {
        ObjectNode all = NODES.objectNode();
        new TreeMap<>(outputs).forEach((name, o) -> {
            ObjectNode entry = JsonOutputView.jsonOf(o);
            if (o.sensitive()) {
                entry.remove("value");
            }
            all.set(name, entry);
        });
        emitOutputs(all);
    }

    private void emitOutputs(ObjectNode outputs) {
        ObjectNode m = message("info", "Outputs: " + outputs.size(), "outputs");
        m.set("outputs", outputs);
        emit(m);
    }

    /** An {@code apply_*} message about one object. */
    void hook(String type, String level, String text, ObjectNode hook) {
        ObjectNode m = message(level, text, type);
        m.set("hook", hook);
        emit(m);
    }

    /** The resource object of {@code planned_change} and of hooks. */
    static ObjectNode resource(ResourceInstance address) {
        ObjectNode r = NODES.objectNode();
        var resource = address.resource().resource();
        r.put("addr", address.toString());
        r.put("module", address.module().isRoot() ? "" : address.module().toString());
        r.put("resource", resource + address.key().suffix());
        int underscore = resource.type().indexOf('_');
        r.put(
                "implied_provider",
                underscore < 0 ? resource.type() : resource.type().substring(0, underscore));
        r.put("resource_type", resource.type());
        r.put("resource_name", resource.name());
        r.set("resource_key", key(address.key()));
        return r;
    }

    private static JsonNode key(InstanceKey key) {
        Object v = key.stateValue();
        if (v instanceof Integer i) {
            return NODES.numberNode(i);
        }
        return v == null ? NODES.nullNode() : NODES.textNode(v.toString());
    }

    private static ObjectNode change(ResourceChange c) {
        ObjectNode change = NODES.objectNode();
        change.set("resource", resource(c.address()));
        change.put("action", c.action().uiName());
        String reason = reason(c.reason());
        if (reason != null) {
            change.put("reason", reason);
        }
        return change;
    }

    /** The UI's reason names, which are shorter than the plan JSON's for replacements. */
    private static String reason(ActionReason reason) {
        return switch (reason) {
            case REPLACE_BECAUSE_CANNOT_UPDATE -> "cannot_update";
            case REPLACE_BECAUSE_TAINTED -> "tainted";
            case REPLACE_BY_REQUEST -> "requested";
            case REPLACE_BY_TRIGGERS -> "replace_triggered_by";
            default -> reason.jsonName();
        };
    }

    private ObjectNode message(String level, String text, String type) {
        ObjectNode m = NODES.objectNode();
        m.put("@level", level);
        m.put("@message", text);
        m.put("@module", "terraform.ui");
        m.put("@timestamp", TIMESTAMP.format(clock.instant()));
        m.put("type", type);
        return m;
    }

    private void emit(ObjectNode message) {
        String line = StateJson.toText(message);
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}
