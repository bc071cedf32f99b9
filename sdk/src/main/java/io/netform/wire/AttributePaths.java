package io.netform.wire;

import io.netform.value.AttributePath;

/** Attribute paths in tfplugin6's message form (attribute names, string keys, integer indexes), both ways. */
public final class AttributePaths {

    private AttributePaths() {}

    /** The path as tfplugin6 writes it. */
    public static io.netform.proto.tfplugin6.AttributePath toProto(AttributePath path) {
        io.netform.proto.tfplugin6.AttributePath.Builder wire = io.netform.proto.tfplugin6.AttributePath.newBuilder();
        for (AttributePath.Step step : path.steps()) {
            io.netform.proto.tfplugin6.AttributePath.Step.Builder wireStep =
                    io.netform.proto.tfplugin6.AttributePath.Step.newBuilder();
            if (step instanceof AttributePath.AttributeName attr) {
                wireStep.setAttributeName(attr.name());
            } else if (step instanceof AttributePath.StringKey key) {
                wireStep.setElementKeyString(key.key());
            } else if (step instanceof AttributePath.IntKey index) {
                wireStep.setElementKeyInt(index.index());
            }
            wire.addSteps(wireStep);
        }
        return wire.build();
    }

    /** The path tfplugin6 wrote. */
    public static AttributePath fromProto(io.netform.proto.tfplugin6.AttributePath path) {
        AttributePath converted = AttributePath.root();
        for (io.netform.proto.tfplugin6.AttributePath.Step step : path.getStepsList()) {
            converted = switch (step.getSelectorCase()) {
                case ATTRIBUTE_NAME -> converted.attr(step.getAttributeName());
                case ELEMENT_KEY_STRING -> converted.key(step.getElementKeyString());
                case ELEMENT_KEY_INT -> converted.index(step.getElementKeyInt());
                // A step without a selector says nothing more precise than the path so far.
                case SELECTOR_NOT_SET -> converted;
            };
        }
        return converted;
    }
}
