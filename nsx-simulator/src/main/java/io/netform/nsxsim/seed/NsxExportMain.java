package io.netform.nsxsim.seed;

import io.netform.certificate.TlsTrust;
import io.netform.command.CommandLine;
import io.netform.nsxsim.model.Json;
import io.netform.nsxsim.model.TypeCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code nsx-sim export}: reads, with GET calls only, the Policy objects a state refers to from an NSX
 * Manager and writes them as a seed for the simulator embedded in the provider ({@code seed = FILE}).
 */
public final class NsxExportMain {

    static final String USAGE = "usage: nsx-sim export --manager URL --state FILE|- --out FILE [--ca-file PEM]"
            + " (NSXT_USERNAME and NSXT_PASSWORD give the credentials; NSXT_CA_FILE or NSXT_ALLOW_UNVERIFIED_SSL"
            + " the certificates to trust)";

    /** The flags of one export. */
    public record Request(URI manager, Path state, Path out, String caFile) {}

    private NsxExportMain() {}

    /** Runs the export; exits 2 on bad flags, 1 when the export fails. */
    public static void main(String[] args) {
        Request request = CommandLine.parseOrExit("nsx-sim export", USAGE, args, NsxExportMain::parse);
        try {
            run(request, System.getenv(), System.in, System.out);
        } catch (RuntimeException | IOException e) {
            System.err.println("nsx-sim export: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Exports as {@code request} says, with credentials from {@code env}; reports to {@code out}. */
    public static PolicySeed run(Request request, Map<String, String> env, InputStream stdin, PrintStream out)
            throws IOException {
        String user = env.get("NSXT_USERNAME");
        String password = env.get("NSXT_PASSWORD");
        if (user == null || password == null) {
            throw new IllegalArgumentException("set NSXT_USERNAME and NSXT_PASSWORD to a user who may read the"
                    + " Policy API (a read-only role is enough)");
        }
        var state = request.state().toString().equals("-")
                ? Json.MAPPER.readTree(stdin)
                : Json.MAPPER.readTree(request.state().toFile());
        var paths = StatePaths.of(state);
        var tls = TlsTrust.context(
                Boolean.parseBoolean(env.getOrDefault("NSXT_ALLOW_UNVERIFIED_SSL", "false")),
                request.caFile() != null ? request.caFile() : env.get("NSXT_CA_FILE"),
                null);
        PolicyReader nsx = new HttpsPolicyReader(request.manager(), user, password, tls);
        PolicySeed seed = PolicyExport.export(
                TypeCatalog.standard(), nsx, request.manager().toString(), paths);
        seed.write(request.out());
        out.println("nsx-sim export: " + seed.objects().size() + " objects from " + paths.size()
                + " paths in the state written to " + request.out());
        seed.leftOut().forEach(l -> out.println("  left out " + l.what() + ": " + l.reason()));
        return seed;
    }

    public static Request parse(String[] args) {
        URI manager = null;
        Path state = null;
        Path out = null;
        String caFile = null;
        for (CommandLine.Flag flag : CommandLine.flags(args)) {
            switch (flag.name()) {
                case "--manager" ->
                    manager = URI.create(flag.value().contains("://") ? flag.value() : "https://" + flag.value());
                case "--state" -> state = Path.of(flag.value());
                case "--out" -> out = Path.of(flag.value());
                case "--ca-file" -> caFile = flag.value();
                default -> throw new IllegalArgumentException("unknown flag " + flag.name());
            }
        }
        if (manager == null || state == null || out == null) {
            throw new IllegalArgumentException("--manager, --state and --out are required");
        }
        return new Request(manager, state, out, caFile);
    }
}
