package io.netform.addrs;

/** Whether the two sides of a move name the same kind of thing, as a move between them requires. */
public final class MoveKinds {

    private MoveKinds() {
    }

    /** Why {@code from} cannot move to {@code to}, or null when it can. */
    public static String mismatch(AddressParser.Target from, AddressParser.Target to) {
        if ((from instanceof AddressParser.ModuleTarget) != (to instanceof AddressParser.ModuleTarget)) {
            return "Cannot move " + from + " to " + to + ": a module can only move to another module address, and a "
                    + "resource only to another resource address.";
        }
        if (from instanceof AddressParser.ModuleTarget) {
            return null;
        }
        var f = resourceOf(from);
        var t = resourceOf(to);
        if (f.resource().mode() == ResourceMode.DATA || t.resource().mode() == ResourceMode.DATA) {
            return "Cannot move " + from + " to " + to + ": data sources are read again, never moved.";
        }
        if (!f.resource().type().equals(t.resource().type())) {
            return "Cannot move " + from + " to " + to + ": a resource can only move to an address of the same "
                    + "resource type (" + f.resource().type() + ").";
        }
        if ((from instanceof AddressParser.InstanceTarget) != (to instanceof AddressParser.InstanceTarget)) {
            return "Cannot move " + from + " to " + to + ": a whole resource can only move to another whole "
                    + "resource, and a resource instance only to another resource instance.";
        }
        return null;
    }

    /** The resource of a resource or instance address. */
    public static AbsResource resourceOf(AddressParser.Target target) {
        return target instanceof AddressParser.InstanceTarget i ? i.instance().resource()
                : ((AddressParser.ResourceTarget) target).resource();
    }
}
