package io.netform.addrs;

import java.util.ArrayList;
import java.util.List;

/**
 * What moving {@code from} to {@code to} does to resource instance addresses, for {@code state mv} and
 * {@code moved} blocks alike: a module moves everything inside it, a resource all its instances, an
 * instance only itself. A whole resource and one instance may stand for each other, the resource
 * meaning its single unkeyed instance (how count or for_each is added to a resource).
 */
public final class AddressMoves {

    private AddressMoves() {}

    /** Why {@code from} cannot move to {@code to}, or null when it can. */
    public static String mismatch(AddressParser.Target from, AddressParser.Target to) {
        if ((from instanceof AddressParser.ModuleTarget) != (to instanceof AddressParser.ModuleTarget)) {
            return "Cannot move " + from + " to " + to + ": a module can only move to another module address, and a "
                    + "resource only to another resource address.";
        }
        if (from instanceof AddressParser.ModuleTarget) {
            return null;
        }
        AbsResource f = resourceOf(from);
        AbsResource t = resourceOf(to);
        if (f.resource().mode() == ResourceMode.DATA || t.resource().mode() == ResourceMode.DATA) {
            return "Cannot move " + from + " to " + to + ": data sources are read again, never moved.";
        }
        if (!f.resource().type().equals(t.resource().type())) {
            return "Cannot move " + from + " to " + to + ": a resource can only move to an address of the same "
                    + "resource type (" + f.resource().type() + ").";
        }
        return null;
    }

    /** The resource of a resource or instance address. */
    public static AbsResource resourceOf(AddressParser.Target target) {
        return target instanceof AddressParser.ResourceInstanceTarget i
                ? i.instance().resource()
                : ((AddressParser.ResourceTarget) target).resource();
    }

    /**
     * Where {@code address} goes when {@code from} moves to {@code to}; null when {@code from} does not
     * cover it. The two must not be a {@link #mismatch}.
     */
    public static ResourceInstance moved(ResourceInstance address, AddressParser.Target from, AddressParser.Target to) {
        if (from instanceof AddressParser.ModuleTarget f) {
            ModuleInstance target = ((AddressParser.ModuleTarget) to).module();
            if (!f.module().contains(address.module())) {
                return null;
            }
            List<ModuleInstance.Call> steps = new ArrayList<>(target.steps());
            steps.addAll(address.module()
                    .steps()
                    .subList(f.module().steps().size(), address.module().steps().size()));
            return address.resource().resource().in(new ModuleInstance(steps)).instance(address.key());
        }
        if (from instanceof AddressParser.ResourceTarget f && to instanceof AddressParser.ResourceTarget t) {
            return address.resource().equals(f.resource()) ? t.resource().instance(address.key()) : null;
        }
        ResourceInstance fromInstance = asInstance(from);
        return address.equals(fromInstance) ? asInstance(to) : null;
    }

    private static ResourceInstance asInstance(AddressParser.Target target) {
        return target instanceof AddressParser.ResourceInstanceTarget i
                ? i.instance()
                : ((AddressParser.ResourceTarget) target).resource().instance(InstanceKey.NONE);
    }

    /** {@code relative}, written in a module, as an absolute address for that module's instance {@code base}. */
    public static AddressParser.Target absolute(AddressParser.Target relative, ModuleInstance base) {
        if (base.isRoot()) {
            return relative;
        }
        if (relative instanceof AddressParser.ModuleTarget m) {
            List<ModuleInstance.Call> steps = new ArrayList<>(base.steps());
            steps.addAll(m.module().steps());
            return new AddressParser.ModuleTarget(new ModuleInstance(steps));
        }
        AbsResource r = resourceOf(relative);
        List<ModuleInstance.Call> steps = new ArrayList<>(base.steps());
        steps.addAll(r.module().steps());
        AbsResource placed = r.resource().in(new ModuleInstance(steps));
        return relative instanceof AddressParser.ResourceInstanceTarget i
                ? new AddressParser.ResourceInstanceTarget(
                        placed.instance(i.instance().key()))
                : new AddressParser.ResourceTarget(placed);
    }
}
