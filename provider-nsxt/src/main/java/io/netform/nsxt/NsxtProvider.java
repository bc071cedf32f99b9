package io.netform.nsxt;

import io.netform.certificate.TlsTrust;
import io.netform.nsxt.api.EmbeddedTransport;
import io.netform.nsxt.api.HttpTransport;
import io.netform.nsxt.api.PolicyClient;
import io.netform.nsxt.api.Throttle;
import io.netform.nsxt.api.Transport;
import io.netform.nsxt.data.DataSourceCatalog;
import io.netform.nsxt.function.FunctionCatalog;
import io.netform.nsxt.k8s.NetworkPolicyResource;
import io.netform.nsxt.resource.ResourceCatalog;
import io.netform.nsxt.resource.ResourceContext;
import io.netform.provider.DataSource;
import io.netform.provider.DiagnosticException;
import io.netform.provider.Provider;
import io.netform.provider.ProviderFunction;
import io.netform.provider.ProviderServer;
import io.netform.provider.ResourceType;
import io.netform.value.Type;
import io.netform.value.Value;
import io.netform.wire.Schema;
import io.netform.wire.SchemaAttribute;
import io.netform.wire.SchemaBlock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Provider {@code nsxt}: NSX-T Policy API resources and data sources with terraform-provider-nsxt's
 * names and arguments, against a manager over HTTPS or the simulator embedded in the plugin, and
 * functions on policy paths and addresses.
 */
public final class NsxtProvider implements Provider {

    /** Where the embedded simulator keeps its objects, under the working directory. */
    static final Path EMBEDDED_STORE = Path.of(".netform", "nsx-sim");

    private final Map<String, String> environment;
    private final Path workingDirectory;
    private final Map<String, ResourceType> resources;
    private final Map<String, DataSource> dataSources;
    private volatile PolicyClient client;

    /**
     * @param workingDirectory where the embedded simulator keeps its store
     * @param deleteWait       how long a delete waits for NSX to release references to the object
     */
    NsxtProvider(Map<String, String> environment, Path workingDirectory, Duration deleteWait) {
        this.environment = Map.copyOf(environment);
        this.workingDirectory = workingDirectory;
        ResourceContext context = new ResourceContext(this::client, deleteWait);
        Map<String, ResourceType> all = new TreeMap<>(ResourceCatalog.all(context));
        all.put(NetworkPolicyResource.TYPE_NAME, new NetworkPolicyResource(context));
        this.resources = all;
        this.dataSources = DataSourceCatalog.all(this::client);
    }

    /** Runs the provider as a plugin. */
    public static void main(String[] args) {
        ProviderServer.serve(of(System.getenv(), Path.of("").toAbsolutePath()));
    }

    /** The provider as its plugin runs it with {@code environment}, in {@code workingDirectory}. */
    public static NsxtProvider of(Map<String, String> environment, Path workingDirectory) {
        return new NsxtProvider(environment, workingDirectory, ResourceContext.DEFAULT_DELETE_WAIT);
    }

    @Override
    public String name() {
        return "nsxt";
    }

    @Override
    public Schema schema() {
        return Schema.of(SchemaBlock.of(
                        SchemaAttribute.string("host")
                                .optional()
                                .describedAs("The NSX Manager's host name or URL (or "
                                        + "NSXT_MANAGER_HOST); \"embedded\" runs the NSX simulator inside the provider, its objects "
                                        + "kept under .netform/nsx-sim of the working directory."),
                        SchemaAttribute.string("seed")
                                .optional()
                                .describedAs("With host = \"embedded\": an export written by nsx-sim export, whose"
                                        + " objects a new simulator store starts with (relative to the working"
                                        + " directory)."),
                        SchemaAttribute.string("username").optional().describedAs("User name (or NSXT_USERNAME)."),
                        SchemaAttribute.string("password")
                                .optional()
                                .sensitive()
                                .describedAs("Password (or NSXT_PASSWORD)."),
                        SchemaAttribute.bool("allow_unverified_ssl")
                                .optional()
                                .describedAs("Accept any certificate from the manager; for labs only. Default false."),
                        SchemaAttribute.string("ca_file")
                                .optional()
                                .describedAs("A PEM file of CA certificates to trust."),
                        SchemaAttribute.string("ca").optional().describedAs("PEM CA certificates to trust, as text."),
                        SchemaAttribute.bool("session_auth")
                                .optional()
                                .describedAs("Authenticate once per session instead of on every call. Default true."),
                        SchemaAttribute.number("max_retries")
                                .optional()
                                .describedAs("Retries of a failed call. Default 4."),
                        SchemaAttribute.number("retry_min_delay")
                                .optional()
                                .describedAs("Least wait before a retry, in milliseconds. Default 0."),
                        SchemaAttribute.number("retry_max_delay")
                                .optional()
                                .describedAs("Most wait before a retry, in milliseconds. Default 500."),
                        SchemaAttribute.of("retry_on_status_codes", Type.list(Type.NUMBER))
                                .optional()
                                .describedAs("HTTP statuses that are retried. Default 400, 409, 429, 500, 503, 504."))
                .describedAs("The NSX-T Policy API."));
    }

    @Override
    public void configure(Value config) {
        ConnectionSettings settings = ConnectionSettings.from(config, environment);
        Transport transport;
        if (settings.isEmbedded()) {
            transport = EmbeddedTransport.open(
                    workingDirectory.resolve(EMBEDDED_STORE),
                    settings.seed() == null ? null : workingDirectory.resolve(settings.seed()));
        } else {
            try {
                transport = new HttpTransport(
                        settings.host(),
                        TlsTrust.context(settings.allowUnverifiedSsl(), settings.caFile(), settings.caPem()),
                        settings.username(),
                        settings.password(),
                        settings.sessionAuth());
            } catch (IllegalArgumentException e) {
                throw new DiagnosticException("Invalid TLS settings", e.getMessage());
            }
        }
        client = new PolicyClient(
                transport, settings.retries(), settings.isEmbedded() ? Throttle.NONE : Throttle.NSX_DEFAULTS);
    }

    @Override
    public Map<String, ResourceType> resources() {
        return resources;
    }

    @Override
    public Map<String, DataSource> dataSources() {
        return dataSources;
    }

    @Override
    public Map<String, ProviderFunction> functions() {
        return FunctionCatalog.all();
    }

    /** Closes the connection, or the embedded simulator and so the lock on its store. */
    @Override
    public void close() {
        PolicyClient configured = client;
        if (configured != null) {
            configured.close();
        }
    }

    /** The client configured by ConfigureProvider; tests look at NSX through it. */
    PolicyClient client() {
        PolicyClient configured = client;
        if (configured == null) {
            throw new DiagnosticException(
                    "Provider not configured",
                    "The nsxt provider was used before its " + "configuration was received.");
        }
        return configured;
    }
}
