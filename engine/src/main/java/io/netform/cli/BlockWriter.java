package io.netform.cli;

import io.netform.plan.Action;
import java.util.Map;

/**
 * Writes one {@link DiffNode.Block}: its attributes aligned on {@code =} (unchanged ones counted,
 * except those that identify the object), then each nested block type, separated by a blank line.
 */
final class BlockWriter {

    private final DiffWriter writer;
    private final DiffNode.Block block;
    private final int indent;
    private final DiffWriter.Style style;
    private final StringBuilder out = new StringBuilder();

    BlockWriter(DiffWriter writer, DiffNode.Block block, int indent, DiffWriter.Style style) {
        this.writer = writer;
        this.block = block;
        this.indent = indent;
        this.style = style;
    }

    String write() {
        if (block.attributes().isEmpty() && block.blocks().isEmpty()) {
            return "{}" + writer.forces(block.replace(), style);
        }
        out.append('{').append(writer.forces(block.replace(), style)).append('\n');
        writeAttributes();
        int hiddenBlocks = 0;
        for (DiffNode.NestedBlocks nested : block.blocks()) {
            hiddenBlocks += writeNested(nested);
        }
        if (hiddenBlocks > 0) {
            out.append('\n');
            writer.hiddenLine(out, indent, "block", hiddenBlocks);
        }
        return out.append(DiffWriter.pad(indent))
                .append(writer.symbol(Action.NO_OP))
                .append(" }")
                .toString();
    }

    private void writeAttributes() {
        int width = block.attributes().keySet().stream()
                .mapToInt(k -> DiffWriter.attributeName(k).length())
                .max()
                .orElse(0);
        int hidden = 0;
        for (Map.Entry<String, DiffNode> e : block.attributes().entrySet()) {
            DiffNode attribute = e.getValue();
            boolean identifying = DiffWriter.IDENTIFYING.contains(e.getKey());
            if (!identifying && attribute.action() == Action.NO_OP && !style.showUnchanged()) {
                hidden++;
                continue;
            }
            DiffWriter.Style current = identifying ? style.showUnchanged(true) : style;
            writer.line(
                    out,
                    indent,
                    attribute,
                    writer.symbol(attribute.action()) + " "
                            + DiffWriter.padRight(DiffWriter.attributeName(e.getKey()), width) + " = "
                            + writer.write(attribute, indent + 1, current));
        }
        writer.hiddenLine(out, indent, "attribute", hidden);
    }

    /** Writes the changed blocks of one type and returns how many unchanged ones it left out. */
    private int writeNested(DiffNode.NestedBlocks nested) {
        boolean separated = false;
        int hidden = 0;
        DiffWriter.Style blockStyle = style.forceReplace(nested.replace());
        for (int i = 0; i < nested.blocks().size(); i++) {
            DiffNode child = nested.blocks().get(i);
            if (child.action() == Action.NO_OP && !style.showUnchanged()) {
                hidden++;
                continue;
            }
            if (!separated && !block.attributes().isEmpty()) {
                out.append('\n');
                separated = true;
            }
            String label = nested.labels().get(i).isEmpty()
                    ? ""
                    : " " + DiffWriter.goQuote(nested.labels().get(i));
            writer.line(
                    out,
                    indent,
                    child,
                    writer.symbol(child.action()) + " " + DiffWriter.attributeName(nested.name()) + label + " "
                            + writer.write(child, indent + 1, blockStyle));
        }
        return hidden;
    }
}
