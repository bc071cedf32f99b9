package io.netform.moduletest;

import io.netform.config.Module;
import io.netform.config.TestFile;
import io.netform.config.Variable;
import io.netform.hcl.Diagnostic;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A run's {@code expect_failures}, with Terraform's semantics: the failure of a listed variable validation,
 * pre- or postcondition, output precondition or check is what the run wants, so it is taken out of the
 * run's diagnostics; each listed object that did not fail is an error of its own.
 */
final class ExpectedFailures {

    /** The summaries of the diagnostics a failed custom condition gives, each naming its object after "with". */
    private static final Set<String> CONDITION_FAILURES = Set.of(
            "Resource precondition failed",
            "Resource postcondition failed",
            "Module output value precondition failed",
            "Check block assertion failed");

    private static final String WITH = "\n\n  with ";

    private final List<TestFile.ExpectedFailure> expected;
    private final Set<String> failed = new HashSet<>();

    ExpectedFailures(List<TestFile.ExpectedFailure> expected) {
        this.expected = expected;
    }

    /**
     * {@code diagnostics} without the expected failures among them. During the plan of an apply run an
     * expected error still stops the apply, so it is kept with Terraform's warning saying so.
     */
    List<Diagnostic> filter(List<Diagnostic> diagnostics, Module root, boolean planOfApply) {
        List<Diagnostic> out = new ArrayList<>();
        for (Diagnostic d : diagnostics) {
            TestFile.ExpectedFailure match = match(d, root);
            if (match == null) {
                out.add(d);
                continue;
            }
            failed.add(match.address());
            if (planOfApply && d.isError()) {
                out.add(Diagnostic.warning(
                        "Expected failure while planning",
                        "A custom condition within " + match.address() + " failed during the planning stage and "
                                + "prevented the requested apply operation. While this was an expected failure, the "
                                + "apply operation could not be executed and so the overall test case will be marked "
                                + "as a failure and the original diagnostic included in the test report.",
                        match.range()));
                out.add(d);
            }
        }
        return out;
    }

    /** An error for each listed object that did not fail. */
    List<Diagnostic> missing() {
        List<Diagnostic> out = new ArrayList<>();
        for (TestFile.ExpectedFailure e : expected) {
            if (!failed.contains(e.address())) {
                out.add(Diagnostic.error(
                        "Missing expected failure",
                        "The checkable object, " + e.address() + ", was expected to report an error but did not.",
                        e.range()));
            }
        }
        return out;
    }

    private TestFile.ExpectedFailure match(Diagnostic d, Module root) {
        String address = checkable(d, root);
        if (address == null) {
            return null;
        }
        for (TestFile.ExpectedFailure e : expected) {
            if (address.equals(e.address()) || address.startsWith(e.address() + "[")) {
                return e;
            }
        }
        return null;
    }

    /** The object whose custom condition {@code d} reports as failed, or null when it reports something else. */
    private static String checkable(Diagnostic d, Module root) {
        if (CONDITION_FAILURES.contains(d.summary())) {
            int at = d.detail().lastIndexOf(WITH);
            return at < 0 ? null : d.detail().substring(at + WITH.length()).strip();
        }
        if (d.summary().equals("Invalid value for variable") && root != null) {
            for (Variable v : root.variables().values()) {
                for (Variable.Validation rule : v.validations()) {
                    if (d.detail().contains("validation rule at " + rule.range() + ".")) {
                        return "var." + v.name();
                    }
                }
            }
        }
        return null;
    }
}
