package io.netform.nsxt.k8s;

/** A manifest the Kubernetes API server would refuse, with the path of the offending field. */
public final class InvalidManifestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String path;
    private final String problem;

    public InvalidManifestException(String path, String problem) {
        super(path + ": " + problem);
        this.path = path;
        this.problem = problem;
    }

    /** Where the problem is, e.g. {@code manifest.spec.ingress[0].ports[0].port}. */
    public String path() {
        return path;
    }

    /** What is wrong there. */
    public String problem() {
        return problem;
    }
}
