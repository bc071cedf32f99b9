package io.netform.nsxt.k8s;

import io.netform.provider.DiagnosticException;
import java.util.Arrays;

/**
 * The id a NetworkPolicy is imported by: {@code <cluster>/<namespace>/<name>} in the default domain,
 * or {@code <domain>/<cluster>/<namespace>/<name>}; it names the policy's two sections in NSX.
 */
record PolicyImportId(String domain, String cluster, String namespace, String name) {

    /** Reads the id, refusing any other shape with a diagnostic that shows the expected one. */
    static PolicyImportId parse(String id, String defaultDomain) {
        String[] parts = id.split("/", -1);
        if (parts.length < 3 || parts.length > 4 || Arrays.stream(parts).anyMatch(String::isEmpty)) {
            throw new DiagnosticException(
                    "Invalid import ID",
                    "\"" + id + "\" is not <cluster>/<namespace>/<name>"
                            + " or <domain>/<cluster>/<namespace>/<name> of a NetworkPolicy, e.g. k1/prod/db-access.");
        }
        int at = parts.length - 3;
        return new PolicyImportId(at == 0 ? defaultDomain : parts[0], parts[at], parts[at + 1], parts[at + 2]);
    }

    /** The resource's id in state. */
    String resourceId() {
        return cluster + "/" + namespace + "/" + name;
    }

    /** The policy path of the section with this role ({@link DfwTranslation#ALLOW_ROLE} or the isolation one). */
    String sectionPath(String role) {
        return "/infra/domains/" + domain + "/security-policies/" + DfwTranslation.baseId(cluster, namespace, name)
                + "-" + role;
    }

    /** The diagnostic for a policy NSX has no section of. */
    DiagnosticException notRealized() {
        return new DiagnosticException(
                "Cannot import non-existent remote object",
                "NetworkPolicy " + namespace + "/"
                        + name + " of cluster " + cluster + " is not realized in NSX domain " + domain + ": neither "
                        + sectionPath(DfwTranslation.ALLOW_ROLE) + " nor " + sectionPath(DfwTranslation.ISOLATION_ROLE)
                        + " exists.");
    }
}
