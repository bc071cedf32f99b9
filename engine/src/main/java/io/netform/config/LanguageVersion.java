package io.netform.config;

import io.netform.hcl.Attribute;
import io.netform.hcl.Diagnostic;
import io.netform.plugins.Version;
import io.netform.plugins.VersionConstraint;
import java.util.List;

/**
 * The Terraform language version Netform implements, which {@code required_version} constraints
 * are checked against, as Terraform checks them against its own version.
 */
public final class LanguageVersion {

    /** The Terraform release whose language (and {@code required_version} answer) Netform follows. */
    public static final String TERRAFORM = "1.9.8";

    private LanguageVersion() {}

    /** Reports a {@code required_version} that cannot be read, or that excludes {@link #TERRAFORM}. */
    static void check(Attribute requiredVersion, String text, List<Diagnostic> diagnostics) {
        VersionConstraint constraint;
        try {
            constraint = VersionConstraint.parse(text);
        } catch (IllegalArgumentException e) {
            diagnostics.add(Diagnostic.error(
                    "Invalid version constraint",
                    "This string does not use correct " + "version constraint syntax: " + e.getMessage() + ".",
                    requiredVersion.expression().range()));
            return;
        }
        if (!constraint.allows(Version.parse(TERRAFORM))) {
            diagnostics.add(Diagnostic.error(
                    "Unsupported Terraform Core version",
                    "This configuration does not "
                            + "support Terraform version " + TERRAFORM
                            + ", the version of the Terraform language Netform "
                            + "implements. To proceed, either choose another supported Terraform version or update this "
                            + "version constraint. Version constraints are normally set for good reason, so updating the "
                            + "constraint may lead to other errors or unexpected behavior.",
                    requiredVersion.range()));
        }
    }
}
