package io.netform.planner;

import io.netform.hcl.Diagnostic;
import io.netform.plugins.ProviderClient;
import io.netform.state.InstanceObject;
import io.netform.value.CodecException;
import io.netform.value.Value;
import io.netform.walk.InstanceTarget;
import io.netform.walk.ProviderDiagnostics;
import io.netform.walk.Sensitivity;
import io.netform.walk.StateValues;
import io.netform.walk.WalkContext;
import java.util.List;

/**
 * Imports one existing object into a resource instance while planning, as Terraform does: the
 * provider turns the id into a stub (ImportResourceState), then reads the whole object (ReadResource).
 * The result is recorded as the instance's prior object, so the plan compares it with the configuration.
 */
final class InstanceImporter {

    private final WalkContext context;
    private final PlanRecorder recorder;

    InstanceImporter(WalkContext context, PlanRecorder recorder) {
        this.context = context;
        this.recorder = recorder;
    }

    /** Imports {@code id} into the target instance; false after reporting why it could not. */
    boolean importInto(InstanceTarget t, String id) {
        String type = t.address().resource().resource().type();
        String address = t.address().toString();
        ProviderClient.Response<List<ProviderClient.ImportedObject>> imported =
                t.provider().importResourceState(type, id);
        ProviderDiagnostics.report(context, address, t.config().declRange(), imported.diagnostics());
        if (imported.hasErrors()) {
            return false;
        }
        List<ProviderClient.ImportedObject> ofType =
                imported.value().stream().filter(o -> o.type().equals(type)).toList();
        if (ofType.size() != 1) {
            context.report(Diagnostic.error(
                    "Invalid import result",
                    "Importing " + address + " with id \"" + id
                            + "\": provider " + t.providerAddress().source().display() + " returned " + ofType.size()
                            + " objects of type " + type + "; exactly one is needed.",
                    t.config().declRange()));
            return false;
        }
        ProviderClient.ImportedObject stub = ofType.get(0);
        var read = t.provider().readResource(type, stub.state(), stub.privateData());
        ProviderDiagnostics.report(context, address, t.config().declRange(), read.diagnostics());
        if (read.hasErrors()) {
            return false;
        }
        Value found = read.value().newState();
        if (found == null || found.isNull()) {
            context.report(Diagnostic.error(
                    "Cannot import non-existent remote object",
                    "While attempting to import "
                            + "an existing object to \"" + address
                            + "\", the provider detected that no object exists with "
                            + "the given id \"" + id
                            + "\". Only pre-existing objects can be imported; check that the id is "
                            + "correct, or let Netform create a new object for this resource.",
                    t.config().declRange()));
            return false;
        }
        Value marked = Sensitivity.markSchema(found, t.schema().block());
        try {
            InstanceObject object = StateValues.encode(
                    t.address().key(),
                    null,
                    marked,
                    t.schema().block().impliedType(),
                    t.schema().version(),
                    read.value().privateData(),
                    List.of(),
                    false);
            recorder.imported(t.address(), t.providerAddress(), object, id);
            return true;
        } catch (CodecException e) {
            context.report(Diagnostic.error(
                    "Provider returned an invalid object",
                    "Importing " + address + " returned a value that does not fit its schema: " + e.getMessage() + ".",
                    t.config().declRange()));
            return false;
        }
    }
}
