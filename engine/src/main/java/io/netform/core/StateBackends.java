package io.netform.core;

import io.netform.config.BackendBlock;
import io.netform.hcl.Diagnostic;
import io.netform.state.SnapshotCodec;
import io.netform.state.pg.PgBackend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The backend types Netform has ({@code local} and {@code pg}): checks a backend block or settings
 * against them and opens a backend, or one workspace's state, by type and settings. There is no
 * fallback: a type that is not here is an error.
 */
public final class StateBackends {

    /** The supported types, as a backend block's label names them. */
    public static final List<String> TYPES = List.of("local", "pg");

    private StateBackends() {}

    /** The settings a backend of {@code type} takes. */
    static Set<String> settings(String type) {
        return switch (type) {
            case "local" -> LocalBackend.SETTINGS;
            case "pg" -> PgBackend.SETTINGS;
            default -> throw new IllegalArgumentException(unsupported(type));
        };
    }

    /** The errors of {@code block}: a type Netform does not have, settings its type does not take. */
    public static List<Diagnostic> check(BackendBlock block) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        if (block == null) {
            return diagnostics;
        }
        if (!TYPES.contains(block.type())) {
            diagnostics.add(Diagnostic.error("Unsupported backend type", unsupported(block.type()), block.range()));
            return diagnostics;
        }
        Set<String> known = settings(block.type());
        block.attributes().forEach((name, range) -> {
            if (!known.contains(name)) {
                diagnostics.add(Diagnostic.error(
                        "Unsupported argument",
                        "An argument named \"" + name + "\" is not expected here: the " + block.type()
                                + " backend takes " + String.join(", ", new TreeSet<>(known)) + ".",
                        range));
            }
        });
        return diagnostics;
    }

    /** The message for a backend type Netform does not have. */
    static String unsupported(String type) {
        return "There is no backend type named \"" + type + "\". Netform supports the backend types "
                + String.join(" and ", TYPES.stream().map(t -> "\"" + t + "\"").toList())
                + "; other Terraform backends are not supported.";
    }

    /**
     * The backend of {@code type} with {@code config}'s settings (after {@code init -backend-config}),
     * for working directory {@code dir}; {@code env} gives the environment variables it reads. Every state
     * it holds is stored in {@code codec}'s form (encrypted as the configuration says), whatever the type.
     *
     * @throws IllegalArgumentException for a type or setting Netform does not have, or a bad value
     */
    public static Backend open(
            String type, Map<String, String> config, Path dir, Map<String, String> env, SnapshotCodec codec) {
        Set<String> known = settings(type);
        for (String name : config.keySet()) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("The " + type + " backend has no setting \"" + name + "\"; it takes "
                        + String.join(", ", new TreeSet<>(known)) + ".");
            }
        }
        return type.equals("pg") ? PgBackend.open(config, env, codec) : new LocalBackend(dir, config, codec);
    }

    /**
     * The state of {@code workspace} in the backend of {@code type} with {@code config}, as
     * {@code terraform_remote_state} reads another configuration's state: call {@link StateBackend#snapshot}
     * (no lock, nothing written) and close it. Another configuration's state is read as stored in clear, as
     * OpenTofu reads it without its {@code remote_state_data_sources} (which Netform does not have): an
     * encrypted one is an error that says so.
     */
    public static StateBackend open(
            String type, Map<String, String> config, String workspace, Path dir, Map<String, String> env) {
        // A backend's state holds its own connection, so the backend itself has nothing open to close.
        return open(type, config, dir, env, SnapshotCodec.PLAIN).state(workspace);
    }
}
