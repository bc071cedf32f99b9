package io.netform.provider;

import io.netform.goplugin.MagicCookie;
import io.netform.goplugin.PluginServer;
import java.util.List;
import java.util.TreeSet;

/** Runs a {@link Provider} as a Terraform-compatible plugin process (protocol 6). */
public final class ProviderServer {

    private ProviderServer() {}

    /** Serves the provider until the host shuts it down, then exits; a provider's whole {@code main}. */
    public static void serve(Provider provider) {
        PluginServer.serve(
                provider.name(),
                MagicCookie.TERRAFORM,
                new TreeSet<>(List.of(6)),
                List.of(new ProviderService(provider)));
    }
}
