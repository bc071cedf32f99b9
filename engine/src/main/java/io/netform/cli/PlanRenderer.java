package io.netform.cli;

import io.netform.addrs.ProviderSource;
import io.netform.addrs.ResourceMode;
import io.netform.plan.Action;
import io.netform.plan.OutputChange;
import io.netform.plan.Plan;
import io.netform.plan.ResourceChange;
import io.netform.state.ResourceSchemaLookup;
import io.netform.value.AttributePath;
import io.netform.value.Type;
import io.netform.value.Value;
import io.netform.wire.ProviderSchema;
import io.netform.wire.Schema;
import io.netform.wire.SchemaAttribute;
import io.netform.wire.SchemaBlock;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The human form of a plan, laid out as Terraform prints it: drift detected outside Netform, the
 * legend of the action markers in use, each resource change as a diff of its attributes, the
 * summary line and the output changes. Sensitive values are never written.
 */
public final class PlanRenderer {

    /** The width prose is wrapped at, as Terraform does when it cannot ask the terminal. */
    static final int COLUMNS = 78;

    /** How much text the page collects before it hands it on. */
    private static final int PART = 1 << 16;

    private static final Comparator<ResourceChange> ADDRESS_ORDER = Comparator.comparing(
                    (ResourceChange c) -> c.address().toString())
            .thenComparing(ResourceChange::deposed, Comparator.nullsFirst(Comparator.naturalOrder()));

    private final Function<ResourceChange, SchemaBlock> schemaOf;
    private final Ui ui;
    private final DiffWriter writer;

    private PlanRenderer(Function<ResourceChange, SchemaBlock> schemaOf, Ui ui) {
        this.schemaOf = schemaOf;
        this.ui = ui;
        this.writer = new DiffWriter(ui);
    }

    /**
     * The plan as text, ending in a newline.
     *
     * @param schemaOf the schema of the resource or data source type of a change; may return null,
     *                 in which case every attribute of the change's type is written as an attribute
     */
    public static String render(Plan plan, Function<ResourceChange, SchemaBlock> schemaOf, Ui ui) {
        StringBuilder text = new StringBuilder();
        new PlanRenderer(schemaOf, ui).page(plan, text::append);
        return text.toString();
    }

    /**
     * Prints the plan as {@link #render} writes it, a part of about {@value #PART} characters at a
     * time, so that a plan of many changes is never held as one string: 100,000 new instances are
     * about 31 MB of text.
     */
    public static void print(Plan plan, Function<ResourceChange, SchemaBlock> schemaOf, Ui ui, PrintStream out) {
        new PlanRenderer(schemaOf, ui).page(plan, part -> out.print(part.toString()));
    }

    /** The plan as text, with the schemas looked up among {@code schemas} by each change's provider and type. */
    public static String render(Plan plan, Map<ProviderSource, ProviderSchema> schemas, Ui ui) {
        return render(
                plan,
                change -> ResourceSchemaLookup.find(
                                schemas,
                                change.provider().source(),
                                change.address().resource().resource())
                        .map(Schema::block)
                        .orElse(null),
                ui);
    }

    private void page(Plan plan, Consumer<CharSequence> sink) {
        List<ResourceChange> changes = plan.changes().stream()
                .filter(c -> c.action() != Action.NO_OP || adopted(plan, c))
                .filter(c -> !(c.action() == Action.DELETE
                        && c.address().resource().resource().mode() == ResourceMode.DATA))
                .sorted(ADDRESS_ORDER)
                .toList();
        String outputs = outputChanges(plan);
        StringBuilder out = new StringBuilder();
        boolean drift = drift(plan, changes.isEmpty() && outputs.isEmpty(), out);
        if (changes.isEmpty() && outputs.isEmpty()) {
            noChanges(plan, drift, out);
            sink.accept(out);
            return;
        }
        if (drift) {
            out.append(rule()).append('\n');
        }
        if (!changes.isEmpty()) {
            legend(changes, out);
            out.append(
                    plan.errored()
                            ? "\nNetform planned the following actions, but then encountered a problem:\n"
                            : "\nNetform will perform the following actions:\n");
            for (ResourceChange change : changes) {
                out.append('\n').append(resource(change, plan, false)).append('\n');
                if (out.length() >= PART) {
                    sink.accept(out);
                    out.setLength(0);
                }
            }
            out.append('\n')
                    .append(ui.bold("Plan:"))
                    .append(' ')
                    .append(summary(plan.summary()))
                    .append('\n');
        }
        if (!outputs.isEmpty()) {
            out.append("\nChanges to Outputs:\n").append(outputs).append('\n');
            if (changes.isEmpty()) {
                out.append(wrap("\nYou can apply this plan to save these new output values to the Netform state,"
                                + " without changing any real infrastructure."))
                        .append('\n');
            }
        }
        sink.accept(out);
    }

    /** {@code 1 to import, 2 to add, 0 to change, 1 to destroy, 1 to forget.}, as Terraform counts. */
    static String summary(Plan.Summary s) {
        return (s.imports() > 0 ? s.imports() + " to import, " : "") + s.add() + " to add, " + s.change()
                + " to change, " + s.destroy() + " to destroy"
                + (s.forget() > 0 ? ", " + s.forget() + " to forget" : "") + ".";
    }

    private static boolean adopted(Plan plan, ResourceChange c) {
        return c.deposed() == null
                && (plan.adoptions().imports().containsKey(c.address())
                        || plan.adoptions().moves().containsKey(c.address()));
    }

    private void legend(List<ResourceChange> changes, StringBuilder out) {
        Map<Action, Integer> counts = new EnumMap<>(Action.class);
        changes.forEach(c -> counts.merge(c.action(), 1, Integer::sum));
        out.append(wrap("\nNetform used the selected providers to generate the following execution plan."
                        + " Resource actions are indicated with the following symbols:"))
                .append('\n');
        appendIf(counts, Action.CREATE, "  " + ui.green("+") + " create", out);
        appendIf(counts, Action.UPDATE, "  " + ui.yellow("~") + " update in-place", out);
        appendIf(counts, Action.DELETE, "  " + ui.red("-") + " destroy", out);
        appendIf(
                counts,
                Action.DELETE_THEN_CREATE,
                ui.red("-") + "/" + ui.green("+") + " destroy and then create replacement",
                out);
        appendIf(
                counts,
                Action.CREATE_THEN_DELETE,
                ui.green("+") + "/" + ui.red("-") + " create replacement and then destroy",
                out);
        appendIf(counts, Action.READ, " <= read (data resources)", out);
        appendIf(counts, Action.FORGET, "  . forget (no longer managed, not destroyed)", out);
    }

    private static void appendIf(Map<Action, Integer> counts, Action action, String line, StringBuilder out) {
        if (counts.containsKey(action)) {
            out.append(line).append('\n');
        }
    }

    /** Writes the drift section when there is drift worth showing, and says whether it did. */
    private boolean drift(Plan plan, boolean planIsEmpty, StringBuilder out) {
        List<ResourceChange> drifted = plan.drift().stream()
                .filter(c -> c.action() != Action.NO_OP)
                .sorted(ADDRESS_ORDER)
                .toList();
        boolean refreshOnly = plan.mode() == Plan.Mode.REFRESH_ONLY;
        if (drifted.isEmpty() || (planIsEmpty && !refreshOnly)) {
            return false;
        }
        out.append('\n')
                .append(ui.bold("Note: Objects have changed outside of Netform"))
                .append("\n\n");
        out.append(wrap("Netform detected the following changes made outside of Netform since the last"
                + " \"netform apply\" which may have affected this plan:\n"));
        for (ResourceChange change : drifted) {
            out.append('\n').append(resource(change, plan, true)).append('\n');
        }
        out.append(wrap(
                        refreshOnly
                                ? "\n\nThis is a refresh-only plan, so Netform will not take any actions to undo these. If you"
                                        + " were expecting these changes then you can apply this plan to record the updated"
                                        + " values in the Netform state without changing any remote objects."
                                : "\n\nUnless you have made equivalent changes to your configuration, or ignored the relevant"
                                        + " attributes using ignore_changes, the following plan may include actions to undo or"
                                        + " respond to these changes."))
                .append('\n');
        return true;
    }

    private void noChanges(Plan plan, boolean drift, StringBuilder out) {
        if (drift) {
            out.append(rule()).append('\n');
        }
        if (plan.errored()) {
            out.append('\n')
                    .append(ui.bold(ui.red("Planning failed.")))
                    .append(ui.bold(" Netform encountered an error while generating this plan."))
                    .append("\n\n");
            return;
        }
        String headline;
        String detail;
        switch (plan.mode()) {
            case REFRESH_ONLY -> {
                if (drift) {
                    return;
                }
                headline = " Your infrastructure still matches the configuration.";
                detail = "Netform has checked that the real remote objects still match the result of your most"
                        + " recent changes, and found no differences.";
            }
            case DESTROY -> {
                headline = " No objects need to be destroyed.";
                detail = "Either you have not created any objects yet or the existing objects were already"
                        + " deleted outside of Netform.";
            }
            default -> {
                headline = " Your infrastructure matches the configuration.";
                detail = drift
                        ? "Your configuration already matches the changes detected above, so applying this plan"
                                + " will only update the state to include the changes detected above and won't"
                                + " change any real infrastructure."
                        : "Netform has compared your real infrastructure against your configuration and found no"
                                + " differences, so no changes are needed.";
            }
        }
        out.append('\n')
                .append(ui.bold(ui.green("No changes.")))
                .append(ui.bold(headline))
                .append("\n\n")
                .append(wrap(detail))
                .append('\n');
    }

    /** One resource change: its comment lines, then the block with its attributes. */
    private String resource(ResourceChange change, Plan plan, boolean isDrift) {
        StringBuilder out = new StringBuilder();
        if (isDrift || change.deposed() != null) {
            out.append(comment(change, isDrift));
        } else {
            out.append(adoptionComment(change, plan.adoptions()));
        }
        out.append('\n');
        boolean isData = change.address().resource().resource().mode() == ResourceMode.DATA;
        String header = (isData ? "data" : "resource") + " \""
                + change.address().resource().resource().type() + "\" \""
                + change.address().resource().resource().name() + "\"";
        SchemaBlock schema = schemaOf.apply(change);
        if (schema == null) {
            schema = impliedSchema(change.type());
        }
        // A forgotten object stays as it is; only state stops recording it.
        Value after = change.action() == Action.FORGET ? change.before() : change.after();
        DiffNode body =
                new ChangeDiffer(change.replacePaths()).block(schema, change.before(), after, AttributePath.root());
        return out.append(writer.symbol(change.action()))
                .append(' ')
                .append(header)
                .append(' ')
                .append(writer.write(body, 0, DiffWriter.Style.DEFAULT))
                .toString();
    }

    private String comment(ResourceChange change, boolean isDrift) {
        String address = ui.bold("  # " + change.displayAddress());
        String red = ui.bold(ui.red("replaced"));
        return switch (change.action()) {
            case CREATE -> address + " will be created";
            case READ -> address + " will be read during apply" + ReasonNotes.read(change.reason());
            case UPDATE -> address + (isDrift ? " has changed" : " will be updated in-place");
            case DELETE_THEN_CREATE, CREATE_THEN_DELETE ->
                switch (change.reason()) {
                    case REPLACE_BECAUSE_TAINTED -> address + " is tainted, so must be " + red;
                    case REPLACE_BY_REQUEST -> address + " will be " + red + ", as requested";
                    case REPLACE_BY_TRIGGERS -> address + " will be " + red + " due to changes in replace_triggered_by";
                    default -> address + " must be " + red;
                };
            case DELETE ->
                address
                        + (isDrift ? " has been deleted" : " will be " + ui.bold(ui.red("destroyed")))
                        + ReasonNotes.delete(change);
            case FORGET -> address + " will no longer be managed by Netform";
            case NO_OP -> address;
        };
    }

    /**
     * The comment of a change that may also import or move its instance: Terraform's headline when
     * nothing else happens to it, else the change's headline with a note for each.
     */
    private String adoptionComment(ResourceChange change, io.netform.plan.StateAdoptions adoptions) {
        String id = adoptions.imports().get(change.address());
        var from = adoptions.moves().get(change.address());
        StringBuilder out = new StringBuilder();
        if (change.action() == Action.NO_OP && from != null) {
            out.append(ui.bold("  # " + from))
                    .append(" has moved to ")
                    .append(ui.bold(change.address().toString()));
        } else if (change.action() == Action.NO_OP && id != null) {
            return ui.bold("  # " + change.address()) + " will be imported";
        } else {
            out.append(comment(change, false));
            if (from != null) {
                out.append('\n').append(ui.bold("  # (moved from " + from + ")"));
            }
        }
        if (id != null) {
            out.append('\n').append(ui.bold("  # (imported from \"" + id + "\")"));
        }
        return out.toString();
    }

    private String outputChanges(Plan plan) {
        Map<String, OutputChange> outputs = new TreeMap<>(plan.outputs());
        int width = outputs.keySet().stream()
                .mapToInt(k -> DiffWriter.attributeName(k).length())
                .max()
                .orElse(0);
        List<String> lines = new ArrayList<>();
        for (OutputChange output : outputs.values()) {
            if (output.action() == Action.NO_OP) {
                continue;
            }
            DiffNode node = new ChangeDiffer(List.of())
                    .value(orNull(output.before()), orNull(output.after()), AttributePath.root(), output.sensitive());
            // The sign is the diff's, as in Terraform's renderer: an output that becomes null, in the configuration
            // or by leaving it, is "- x = "a" -> null" whatever the planned action
            lines.add(writer.symbol(node.action()) + " "
                    + DiffWriter.padRight(DiffWriter.attributeName(output.name()), width) + " = "
                    + writer.write(node, 0, DiffWriter.Style.DEFAULT));
        }
        return String.join("\n", lines);
    }

    private static Value orNull(Value v) {
        return v == null ? Value.nullOf(Type.DYNAMIC) : v;
    }

    /** A schema that makes every attribute of the object type an attribute, when the provider's is missing. */
    private static SchemaBlock impliedSchema(Type type) {
        Map<String, SchemaAttribute> attributes = new TreeMap<>();
        if (type instanceof Type.ObjectType o) {
            o.attributeTypes()
                    .forEach((name, t) ->
                            attributes.put(name, SchemaAttribute.of(name, t).optional()));
        }
        return new SchemaBlock(attributes, Map.of(), "", false);
    }

    private static String rule() {
        return "\n" + "─".repeat(COLUMNS - 1);
    }

    /** Wraps prose at {@link #COLUMNS}, keeping its own line breaks. */
    static String wrap(String text) {
        StringBuilder out = new StringBuilder();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append('\n');
            }
            int lineLength = 0;
            for (String word : lines[i].split(" ")) {
                if (lineLength > 0 && lineLength + 1 + word.length() > COLUMNS) {
                    out.append('\n');
                    lineLength = 0;
                } else if (lineLength > 0) {
                    out.append(' ');
                    lineLength++;
                }
                out.append(word);
                lineLength += word.length();
            }
        }
        return out.toString();
    }
}
