package io.netform.kubesim;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The verb/resource pairs refused to every user with 403: those given with {@code --forbid} at
 * start-up, changed at run time through {@code /sim/admin/forbidden} or in-process, so a test can
 * make a request fail half-way through a scenario and then succeed again.
 */
public final class ForbiddenVerbs {

    /** In the order forbidden; each rule once. */
    private final CopyOnWriteArrayList<AccessPolicy.Rule> rules = new CopyOnWriteArrayList<>();

    ForbiddenVerbs(List<String> initial) {
        initial.forEach(this::forbid);
    }

    /**
     * Refuses a verb on a resource from now on, e.g. {@code list:pods} or {@code *:networkpolicies}.
     *
     * @throws IllegalArgumentException if the rule is not {@code VERB:RESOURCE}
     */
    public void forbid(String rule) {
        rules.addIfAbsent(AccessPolicy.Rule.parse(rule));
    }

    /**
     * Lifts a refusal made at start-up or by {@link #forbid}; whether there was one.
     *
     * @throws IllegalArgumentException if the rule is not {@code VERB:RESOURCE}
     */
    public boolean lift(String rule) {
        return rules.remove(AccessPolicy.Rule.parse(rule));
    }

    /** The refused pairs as {@code VERB:RESOURCE}, in the order they were forbidden. */
    public List<String> rules() {
        return rules.stream().map(rule -> rule.verb() + ":" + rule.resource()).toList();
    }

    boolean refuses(String verb, String resource) {
        return rules.stream().anyMatch(rule -> rule.matches(verb, resource));
    }
}
