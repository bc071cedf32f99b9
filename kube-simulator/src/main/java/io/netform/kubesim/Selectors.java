package io.netform.kubesim;

import io.fabric8.mockwebserver.http.MockResponse;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The label and field selectors fabric8's store matches: equality-based label requirements
 * ({@code k=v}, {@code k==v}, {@code k!=v}, {@code k}, {@code !k}) and the fields
 * {@code metadata.name} and {@code metadata.namespace}. The store would skip anything else and
 * list too much, so such a selector is refused with 400 instead, naming what is unsupported.
 */
final class Selectors {

    private static final Pattern LABEL_REQUIREMENT = Pattern.compile("!?[A-Za-z0-9._/-]+((==?|!=)[A-Za-z0-9._-]*)?");
    private static final Set<String> FIELDS = Set.of("metadata.name", "metadata.namespace");

    private Selectors() {}

    /** The refusal of the request's selectors, if one is unsupported. */
    static Optional<MockResponse> refusal(ApiPath path) {
        String labels = path.query().get("labelSelector");
        if (labels != null && !labels.isBlank()) {
            for (String requirement : labels.split(",")) {
                if (!LABEL_REQUIREMENT.matcher(requirement.trim()).matches()) {
                    return Optional.of(badRequest("unable to parse requirement: kube-sim matches equality-based"
                            + " label selectors only (k=v, k==v, k!=v, k, !k), not '" + labels + "'"));
                }
            }
        }
        String fields = path.query().get("fieldSelector");
        if (fields != null && !fields.isBlank()) {
            for (String requirement : fields.split(",")) {
                String field = requirement.split("!=|==|=", 2)[0].trim();
                if (!FIELDS.contains(field)) {
                    return Optional.of(badRequest("field label not supported: " + field
                            + " (kube-sim selects by metadata.name and metadata.namespace only)"));
                }
                if (requirement.contains("!=")) {
                    return Optional.of(
                            badRequest("kube-sim matches field selectors with = only, not '" + requirement + "'"));
                }
            }
        }
        return Optional.empty();
    }

    private static MockResponse badRequest(String message) {
        return KubeStatus.failure(400, "BadRequest", message, null, null);
    }
}
