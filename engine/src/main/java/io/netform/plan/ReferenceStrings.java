package io.netform.plan;

import io.netform.addrs.InstanceKey;
import io.netform.lang.Reference;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A reference as the configuration part of Terraform's plan JSON lists it: the address of the object
 * it names ({@code var.x}, {@code aws_instance.a[0]}, {@code module.m.out}) followed by the steps it
 * takes inside that object, unwrapped from the most to the least specific, so that a policy can find
 * what it cares about by string equality.
 */
final class ReferenceStrings {

    /**
     * What the leading steps of a reference name, the steps taken inside it, and the enclosing object
     * also reported (the resource of an instance, the module call of an instance or an output), or null.
     */
    private record Subject(String address, List<Reference.Traverser> remaining, String enclosing) {}

    private ReferenceStrings() {}

    /**
     * The forms of {@code ref}, most specific first: {@code aws_instance.a[0].id}, {@code aws_instance.a[0]},
     * {@code aws_instance.a}. Empty when {@code ref} does not name anything Terraform can refer to (such as
     * {@code var} alone).
     */
    static List<String> unwrapped(Reference ref) {
        Subject subject = subject(ref);
        if (subject == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int n = subject.remaining().size(); n > 0; n--) {
            StringBuilder text = new StringBuilder(subject.address());
            subject.remaining().subList(0, n).forEach(step -> text.append(step(step)));
            out.add(text.toString());
        }
        out.add(subject.address());
        if (subject.enclosing() != null) {
            out.add(subject.enclosing());
        }
        return out;
    }

    /** The address {@code ref} names, without the steps inside it (a {@code depends_on} entry), if any. */
    static Optional<String> address(Reference ref) {
        return Optional.ofNullable(subject(ref)).map(Subject::address);
    }

    private static Subject subject(Reference ref) {
        List<Reference.Traverser> steps = ref.steps();
        switch (ref.root()) {
            case "count", "each", "local", "path", "terraform", "var" -> {
                String name = ref.attrAt(0);
                return name == null ? null : new Subject(ref.root() + "." + name, steps.subList(1, steps.size()), null);
            }
            case "module" -> {
                return module(ref);
            }
            case "self" -> {
                return new Subject("self", steps, null);
            }
            case "data" -> {
                String type = ref.attrAt(0);
                return type == null ? null : resource("data." + type, steps.subList(1, steps.size()));
            }
            case "resource" -> {
                String type = ref.attrAt(0);
                return type == null ? null : resource(type, steps.subList(1, steps.size()));
            }
            case "template", "lazy", "arg" -> {
                // Reserved by Terraform for future use: not a reference to anything.
                return null;
            }
            default -> {
                return resource(ref.root(), steps);
            }
        }
    }

    /** A resource or one of its instances: {@code type} is followed by the name and an optional key. */
    private static Subject resource(String type, List<Reference.Traverser> steps) {
        if (steps.isEmpty() || !(steps.get(0) instanceof Reference.Attr name)) {
            return null;
        }
        String resource = type + "." + name.name();
        List<Reference.Traverser> rest = steps.subList(1, steps.size());
        if (!rest.isEmpty() && rest.get(0) instanceof Reference.Key key) {
            String instanceKey = instanceKey(key);
            return instanceKey == null
                    ? null
                    : new Subject(resource + instanceKey, rest.subList(1, rest.size()), resource);
        }
        return new Subject(resource, rest, null);
    }

    /** A module call, one of its instances, or an output of an instance. */
    private static Subject module(Reference ref) {
        String name = ref.attrAt(0);
        if (name == null) {
            return null;
        }
        String call = "module." + name;
        List<Reference.Traverser> rest = ref.steps().subList(1, ref.steps().size());
        if (rest.isEmpty()) {
            return new Subject(call, rest, null);
        }
        String instance = call;
        if (rest.get(0) instanceof Reference.Key key) {
            String instanceKey = instanceKey(key);
            if (instanceKey == null) {
                return null;
            }
            instance = call + instanceKey;
            rest = rest.subList(1, rest.size());
            if (rest.isEmpty()) {
                return new Subject(instance, rest, call);
            }
        }
        if (!(rest.get(0) instanceof Reference.Attr output)) {
            return null;
        }
        return new Subject(instance + "." + output.name(), rest.subList(1, rest.size()), instance);
    }

    /** An instance key as addresses write it ({@code [0]}, {@code ["a"]}), or null when it is not a whole number. */
    private static String instanceKey(Reference.Key key) {
        return key.key() instanceof BigDecimal n && n.stripTrailingZeros().scale() > 0 ? null : keyStep(key.key());
    }

    private static String step(Reference.Traverser step) {
        return step instanceof Reference.Attr a ? "." + a.name() : keyStep(((Reference.Key) step).key());
    }

    /** An index step: a number in plain decimal, a string quoted as an instance key. */
    private static String keyStep(Object key) {
        return key instanceof BigDecimal n
                ? "[" + n.stripTrailingZeros().toPlainString() + "]"
                : InstanceKey.of((String) key).suffix();
    }
}
