package io.netform.kubesim;

import io.netform.file.AtomicFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;

/**
 * The kubeconfig {@code kubectl} and the Kubernetes provider read: one cluster (the server's URL
 * and its certificate as {@code certificate-authority-data}), the admin and read-only users with
 * their bearer tokens, a context for each, and the admin context as current.
 */
final class Kubeconfig {

    /** The context names: {@code kube-sim} (current) and {@code kube-sim-readonly}. */
    static final String CONTEXT = "kube-sim";

    static final String READ_ONLY_CONTEXT = "kube-sim-readonly";

    private Kubeconfig() {}

    /** The kubeconfig's text. */
    static String text(URI server, String certificatePem, AccessPolicy access) {
        String ca = Base64.getEncoder().encodeToString(certificatePem.getBytes(StandardCharsets.US_ASCII));
        return """
                apiVersion: v1
                kind: Config
                clusters:
                - name: %1$s
                  cluster:
                    server: %2$s
                    certificate-authority-data: %3$s
                users:
                - name: %4$s
                  user:
                    token: %5$s
                - name: %6$s
                  user:
                    token: %7$s
                contexts:
                - name: %1$s
                  context:
                    cluster: %1$s
                    user: %4$s
                    namespace: default
                - name: %8$s
                  context:
                    cluster: %1$s
                    user: %6$s
                    namespace: default
                current-context: %1$s
                preferences: {}
                """.formatted(
                        CONTEXT,
                        server,
                        ca,
                        AccessPolicy.ADMIN,
                        access.adminToken(),
                        AccessPolicy.READ_ONLY,
                        access.readOnlyToken(),
                        READ_ONLY_CONTEXT);
    }

    /** Writes the kubeconfig atomically, readable by its owner only (it holds tokens). */
    static void write(Path file, String text) {
        try {
            AtomicFile.replaceOwnerOnly(file, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the kubeconfig " + file, e);
        }
    }
}
