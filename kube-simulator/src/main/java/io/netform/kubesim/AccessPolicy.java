package io.netform.kubesim;

import io.fabric8.mockwebserver.http.MockResponse;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Who may do what: requests must carry one of the kubeconfig's bearer tokens (else 401); the
 * read-only user may only get, list and watch; and rules given with {@code --forbid VERB:RESOURCE}
 * (or forbidden at run time) refuse that verb on that resource to every user (403, worded as RBAC
 * words it), so a client's handling of a refused request can be tested.
 *
 * @param adminToken the token of the user who may do everything not forbidden
 * @param readOnlyToken the token of the user who may only read
 * @param forbidden the refused verb/resource pairs ({@code *} matches any)
 */
record AccessPolicy(String adminToken, String readOnlyToken, ForbiddenVerbs forbidden) {

    /** The user names the kubeconfig and the 403 messages use. */
    static final String ADMIN = "kube-sim-admin";

    static final String READ_ONLY = "kube-sim-readonly";

    private static final List<String> READ_VERBS = List.of("get", "list", "watch");

    /** A refused verb on a resource, from {@code VERB:RESOURCE}. */
    record Rule(String verb, String resource) {

        /** Parses {@code VERB:RESOURCE}, e.g. {@code delete:namespaces} or {@code *:networkpolicies}. */
        static Rule parse(String text) {
            int colon = text.indexOf(':');
            if (colon <= 0 || colon == text.length() - 1) {
                throw new IllegalArgumentException(
                        "--forbid takes VERB:RESOURCE (e.g. create:networkpolicies), got '" + text + "'");
            }
            return new Rule(
                    text.substring(0, colon).toLowerCase(Locale.ROOT),
                    text.substring(colon + 1).toLowerCase(Locale.ROOT));
        }

        boolean matches(String verb, String resource) {
            return (this.verb.equals("*") || this.verb.equals(verb))
                    && (this.resource.equals("*") || this.resource.equals(resource));
        }
    }

    /** The refusal of a request, if it is refused; discovery needs only a valid token. */
    Optional<MockResponse> refusal(String authorization, String method, ApiPath path) {
        String user = user(authorization);
        if (user == null) {
            return Optional.of(KubeStatus.failure(401, "Unauthorized", "Unauthorized", null, null));
        }
        if (path == null) {
            return Optional.empty();
        }
        String verb = path.verb(method);
        boolean refused =
                forbidden.refuses(verb, path.resource()) || (user.equals(READ_ONLY) && !READ_VERBS.contains(verb));
        if (!refused) {
            return Optional.empty();
        }
        String subject = path.name() == null ? path.resource() : path.resource() + " \"" + path.name() + "\"";
        String scope =
                path.namespace() == null ? "at the cluster scope" : "in the namespace \"" + path.namespace() + "\"";
        String message = subject + " is forbidden: User \"" + user + "\" cannot " + verb + " resource \""
                + path.resource() + "\" in API group \"" + path.group() + "\" " + scope;
        return Optional.of(KubeStatus.failure(403, "Forbidden", message, path.resource(), path.name()));
    }

    /** The user the bearer token names, or null. */
    String user(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        String token = authorization.substring("Bearer ".length()).trim();
        if (token.equals(adminToken)) {
            return ADMIN;
        }
        return token.equals(readOnlyToken) ? READ_ONLY : null;
    }
}
