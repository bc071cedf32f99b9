package io.netform.cli;

import io.netform.addrs.InstanceKey;
import io.netform.plan.ActionReason;
import io.netform.plan.ResourceChange;

/** The note lines under a change's headline that say why a read or delete was chosen. */
final class ReasonNotes {

    private ReasonNotes() {}

    static String read(ActionReason reason) {
        return switch (reason) {
            case READ_BECAUSE_CONFIG_UNKNOWN -> "\n  # (config refers to values not yet known)";
            case READ_BECAUSE_DEPENDENCY_PENDING -> "\n  # (depends on a resource or a module with changes pending)";
            default -> "";
        };
    }

    static String delete(ResourceChange change) {
        InstanceKey key = change.address().key();
        String note = switch (change.reason()) {
            case DELETE_BECAUSE_NO_RESOURCE_CONFIG ->
                "\n  # (because " + change.address().resource().resource() + " is not in configuration)";
            case DELETE_BECAUSE_NO_MODULE ->
                "\n  # (because " + change.address().module() + " is not in configuration)";
            case DELETE_BECAUSE_WRONG_REPETITION ->
                key instanceof InstanceKey.None
                        ? "\n  # (because resource uses count or for_each)"
                        : key instanceof InstanceKey.CountIndex
                                ? "\n  # (because resource does not use count)"
                                : "\n  # (because resource does not use for_each)";
            case DELETE_BECAUSE_COUNT_INDEX -> "\n  # (because index " + key.suffix() + " is out of range for count)";
            case DELETE_BECAUSE_EACH_KEY -> "\n  # (because key " + key.suffix() + " is not in for_each map)";
            default -> "";
        };
        return change.deposed() == null
                ? note
                : note + "\n  # (left over from a partially-failed replacement of this instance)";
    }
}
