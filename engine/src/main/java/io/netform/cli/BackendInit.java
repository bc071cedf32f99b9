package io.netform.cli;

import io.netform.config.BackendBlock;
import io.netform.core.Backend;
import io.netform.core.BackendRecord;
import io.netform.core.Result;
import io.netform.core.StateBackends;
import io.netform.core.StateMigration;
import io.netform.hcl.Diagnostic;
import io.netform.state.SnapshotCodec;
import io.netform.state.StateLockedException;
import io.netform.state.encryption.Encryption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * init's backend step, as Terraform's: merges {@code -backend-config} over the block, compares the
 * result with the backend recorded before, and records it; a changed backend needs
 * {@code -reconfigure} (use it, leave the old state where it is) or {@code -migrate-state} (copy every
 * workspace's state over, after asking unless {@code -force-copy}).
 *
 * @param backendConfig the -backend-config values, in order: KEY=VALUE, or a file of attributes
 */
record BackendInit(
        NetformCommand netform,
        Ui ui,
        InitView view,
        List<String> backendConfig,
        boolean reconfigure,
        boolean migrateState,
        boolean forceCopy,
        Duration lockTimeout) {

    /** Configures the backend of the configuration whose backend block is {@code block}; false after reporting why not. */
    boolean run(BackendBlock block, Map<String, String> sources) {
        Path dir = netform.workingDir();
        List<Diagnostic> diagnostics = new ArrayList<>(StateBackends.check(block));
        Map<String, String> overrides = overrides(diagnostics);
        if (block == null && !backendConfig.isEmpty()) {
            diagnostics.add(Diagnostic.error(
                    "Missing backend configuration",
                    "-backend-config was used without a \"backend\" block in the configuration.\n\nTo use "
                            + "-backend-config, add a backend block, for example: terraform { backend \"pg\" {} }",
                    null));
        }
        if (view.diagnostics(diagnostics, sources)) {
            return false;
        }
        view.backendStarting();
        Optional<BackendRecord> recorded = BackendRecord.read(dir);
        if (block == null) {
            if (recorded.isEmpty()) {
                return true;
            }
            return change(recorded.get(), null, Map.of(), 0, sources);
        }
        Map<String, String> config = new LinkedHashMap<>(block.config());
        config.putAll(overrides);
        long hash = BackendRecord.hash(block);
        if (recorded.isPresent()
                && recorded.get().type().equals(block.type())
                && recorded.get().hash() == hash
                && (backendConfig.isEmpty() || recorded.get().config().equals(config))) {
            // Unchanged: later inits need not repeat -backend-config, as in Terraform.
            return open(recorded.get().type(), recorded.get().config(), sources) != null;
        }
        return change(recorded.orElse(null), block.type(), config, hash, sources);
    }

    /** Moves from the backend recorded (null: the implicit local one) to {@code type} (null: back to that). */
    private boolean change(
            BackendRecord previous, String type, Map<String, String> config, long hash, Map<String, String> sources) {
        BackendRecord from = previous == null ? BackendRecord.implicitLocal() : previous;
        String toType = type == null ? "local" : type;
        if (previous != null && !reconfigure && !migrateState) {
            return error(
                    "Backend configuration changed",
                    "A change in the backend configuration has been detected, which may require migrating existing "
                            + "state.\n\nIf you wish to attempt automatic migration of the state, use \"netform init "
                            + "-migrate-state\".\nIf you wish to store the current configuration with no changes to "
                            + "the state, use \"netform init -reconfigure\".",
                    sources);
        }
        Backend target = open(toType, config, sources);
        if (target == null) {
            return false;
        }
        if (!reconfigure) {
            Backend source = open(from.type(), from.config(), sources);
            if (source == null || !migrate(source, target, from, toType, config, sources)) {
                return false;
            }
        }
        if (type == null) {
            BackendRecord.remove(netform.workingDir());
            view.backend("Unset the \"" + from.type() + "\" backend: state is kept in local files again.");
        } else {
            BackendRecord.write(netform.workingDir(), type, config, hash, BuildInfo.version());
            view.backend(ui.green("Successfully configured the backend \"" + type + "\"! Netform will automatically "
                    + "use this backend unless the backend configuration changes."));
        }
        return true;
    }

    /**
     * Copies the state over, after asking (or with -force-copy), each state read and written as the
     * configuration's encryption says; false after reporting why not.
     */
    private boolean migrate(
            Backend source,
            Backend target,
            BackendRecord from,
            String toType,
            Map<String, String> toConfig,
            Map<String, String> sources) {
        String fromType = from.type();
        List<String> names;
        try {
            names = StateMigration.withState(source);
        } catch (RuntimeException e) {
            return error(
                    "Error reading the state of the previous \"" + fromType + "\" backend", e.getMessage(), sources);
        }
        if (names.isEmpty()) {
            return true;
        }
        boolean several = names.size() > 1 || !names.get(0).equals(Workspaces.DEFAULT);
        if (!forceCopy) {
            boolean yes = several
                    ? Confirmation.ask(
                            ui,
                            "Do you want to migrate all workspaces to \"" + toType + "\"?",
                            "  Both the existing \"" + fromType + "\" backend and the newly configured \"" + toType
                                    + "\" backend\n  support workspaces. Netform will copy all workspaces ("
                                    + String.join(", ", names) + ")\n  with the same names. THIS WILL OVERWRITE any "
                                    + "conflicting states in the destination.\n  Enter \"yes\" to copy and \"no\" to "
                                    + "cancel.\n")
                    : Confirmation.ask(
                            ui,
                            "Do you want to copy existing state to the new backend?",
                            "  Pre-existing state was found while migrating the previous \"" + fromType + "\" backend "
                                    + "to the\n  newly configured \"" + toType + "\" backend. Enter \"yes\" to copy "
                                    + "and \"no\" to start with an empty state.\n");
            if (!yes) {
                if (several) {
                    return error(
                            "Migration aborted by user.", "Nothing was copied; the backend was not changed.", sources);
                }
                return true;
            }
        }
        // Only now, with state to copy, is the encryption configuration needed (its passphrase, say); its
        // errors go through the view, as JSON with -json.
        Result<Encryption> encryption = netform.engine().encryption(netform.workingDir(), netform.env(), List.of());
        if (view.diagnostics(encryption.diagnostics(), encryption.sources())) {
            return false;
        }
        SnapshotCodec codec = new SnapshotCodec(encryption.value().state());
        try {
            StateMigration.copy(
                    StateBackends.open(fromType, from.config(), netform.workingDir(), netform.env(), codec),
                    StateBackends.open(toType, toConfig, netform.workingDir(), netform.env(), codec),
                    names,
                    BuildInfo.version(),
                    lockTimeout);
        } catch (StateLockedException e) {
            return error("Error locking state", e.getMessage(), sources);
        } catch (RuntimeException e) {
            return error("Error migrating the state", e.getMessage(), sources);
        }
        view.backend(
                "Copied the state of " + (several ? "workspaces " + String.join(", ", names) : "the default workspace")
                        + " from the \"" + fromType + "\" backend to the \"" + toType + "\" backend.");
        return true;
    }

    /** The backend of {@code type} with {@code config}, reachable; null after reporting why not. */
    private Backend open(String type, Map<String, String> config, Map<String, String> sources) {
        try {
            // Opened to check that it is reachable and to list what it holds, which reads no state.
            Backend backend =
                    StateBackends.open(type, config, netform.workingDir(), netform.env(), SnapshotCodec.PLAIN);
            backend.workspaces();
            return backend;
        } catch (RuntimeException e) {
            error("Error configuring the backend \"" + type + "\"", e.getMessage(), sources);
            return null;
        }
    }

    /** The -backend-config values, merged in order; errors go to {@code diagnostics}. */
    private Map<String, String> overrides(List<Diagnostic> diagnostics) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String item : backendConfig) {
            int eq = item.indexOf('=');
            if (eq >= 0) {
                out.put(item.substring(0, eq), item.substring(eq + 1));
                continue;
            }
            Path file = netform.workingDir().resolve(item);
            try {
                out.putAll(BackendBlock.settingsOfFile(item, Files.readString(file), diagnostics));
            } catch (IOException e) {
                diagnostics.add(Diagnostic.error(
                        "Failed to read file",
                        "The file \"" + item + "\" given by -backend-config could not be read: " + e.getMessage(),
                        null));
            }
        }
        return out;
    }

    private boolean error(String summary, String detail, Map<String, String> sources) {
        view.diagnostics(List.of(Diagnostic.error(summary, detail, null)), sources);
        return false;
    }
}
