package io.netform.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netform.json.ExactJson;
import io.netform.state.State;
import io.netform.state.StateCodec;
import io.netform.state.StateFormatException;
import io.netform.state.encryption.EncryptionException;
import io.netform.state.encryption.EncryptionTarget;
import io.netform.value.CodecException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The file {@code plan -out} writes and {@code apply FILE} and {@code show FILE} read: a zip holding
 * {@code plan.json} (the changes, variables and targets), {@code prior.tfstate} (the refreshed state
 * the plan was made against, in state format v4), {@code lock.hcl} (the dependency lock file) and
 * {@code config/NAME} (each configuration file). Like Terraform's plan file it holds sensitive values
 * in clear, so it is created readable by its owner only. With a {@code plan} encryption target the whole
 * zip is encrypted into OpenTofu's envelope, as OpenTofu encrypts its plan files.
 */
public final class PlanFile {

    private static final ObjectMapper JSON = ExactJson.MAPPER;
    private static final String PLAN_ENTRY = "plan.json";
    private static final String STATE_ENTRY = "prior.tfstate";
    private static final String LOCK_ENTRY = "lock.hcl";
    private static final String CONFIG_PREFIX = "config/";

    private PlanFile() {}

    /**
     * Writes {@code saved} to {@code path} in clear, replacing it atomically.
     *
     * @throws PlanFileException when the file cannot be written or a value cannot be encoded
     */
    public static void write(Path path, SavedPlan saved) {
        write(path, saved, EncryptionTarget.none("plan"));
    }

    /**
     * Writes {@code saved} to {@code path} as {@code encryption} says, replacing it atomically.
     *
     * @throws PlanFileException when the file cannot be written, a value cannot be encoded, or the plan
     *     encryption is enforced without a method that encrypts
     */
    public static void write(Path path, SavedPlan saved, EncryptionTarget encryption) {
        byte[] planJson;
        try {
            planJson = JSON.writeValueAsBytes(PlanDocument.encode(saved));
        } catch (CodecException | IOException e) {
            throw new PlanFileException(path + ": the plan cannot be saved: " + e.getMessage());
        }
        Path dir = path.toAbsolutePath().getParent();
        try {
            Path temp = Files.createTempFile(dir, "." + path.getFileName(), ".tmp");
            try {
                ownerOnly(temp);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (ZipOutputStream zip = new ZipOutputStream(out)) {
                    entry(zip, PLAN_ENTRY, planJson);
                    entry(zip, STATE_ENTRY, StateCodec.encode(saved.plan().priorState()));
                    entry(zip, LOCK_ENTRY, saved.lockFile().getBytes(StandardCharsets.UTF_8));
                    for (var file : new TreeMap<>(saved.configuration()).entrySet()) {
                        entry(
                                zip,
                                CONFIG_PREFIX + file.getKey(),
                                file.getValue().getBytes(StandardCharsets.UTF_8));
                    }
                }
                Files.write(temp, encryption.encrypt(out.toByteArray(), Map.of()));
                move(temp, path);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new PlanFileException("Could not write the plan file " + path + ": " + e.getMessage());
        } catch (EncryptionException e) {
            throw new PlanFileException(path + ": the plan cannot be saved: " + e.getMessage());
        }
    }

    /**
     * Reads a plan file saved in clear.
     *
     * @throws PlanFileException naming the file when it is missing, not a plan file, or damaged
     */
    public static SavedPlan read(Path path) {
        return read(path, EncryptionTarget.none("plan"));
    }

    /**
     * Reads a plan file, decrypting it as {@code encryption} says.
     *
     * @throws PlanFileException naming the file when it is missing, not a plan file, damaged, or cannot be
     *     decrypted as configured
     */
    public static SavedPlan read(Path path, EncryptionTarget encryption) {
        Map<String, byte[]> entries = entries(path, encryption);
        byte[] plan = entries.get(PLAN_ENTRY);
        byte[] state = entries.get(STATE_ENTRY);
        if (plan == null || state == null) {
            throw new PlanFileException(path + " is not a Netform plan file (it has no " + PLAN_ENTRY + ")");
        }
        Map<String, String> configuration = new HashMap<>();
        entries.forEach((name, bytes) -> {
            if (name.startsWith(CONFIG_PREFIX)) {
                configuration.put(name.substring(CONFIG_PREFIX.length()), new String(bytes, StandardCharsets.UTF_8));
            }
        });
        String lockFile = new String(entries.getOrDefault(LOCK_ENTRY, new byte[0]), StandardCharsets.UTF_8);
        try {
            State prior = StateCodec.decode(state, path + " (" + STATE_ENTRY + ")");
            JsonNode document = JSON.readTree(plan);
            return PlanDocument.decode(document, prior, configuration, lockFile);
        } catch (StateFormatException
                | IOException
                | CodecException
                | IllegalArgumentException
                | java.time.DateTimeException e) {
            throw new PlanFileException(path + " is damaged: " + e.getMessage());
        }
    }

    /**
     * Whether {@code path} looks like a plan file: a zip archive, or an encrypted envelope without the
     * serial and lineage an encrypted state file shows.
     */
    public static boolean isPlanFile(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] magic = in.readNBytes(4);
            if (isZip(magic)) {
                return true;
            }
        } catch (IOException e) {
            return false;
        }
        try {
            byte[] bytes = Files.readAllBytes(path);
            return EncryptionTarget.isEncrypted(bytes) && !JSON.readTree(bytes).has("lineage");
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isZip(byte[] magic) {
        return magic.length >= 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
    }

    private static Map<String, byte[]> entries(Path path, EncryptionTarget encryption) {
        if (!Files.isRegularFile(path)) {
            throw new PlanFileException("The plan file " + path + " does not exist");
        }
        byte[] zipped;
        try {
            zipped = encryption.decrypt(Files.readAllBytes(path), "the plan file " + path);
        } catch (IOException e) {
            throw new PlanFileException("Could not read the plan file " + path + ": " + e.getMessage());
        } catch (EncryptionException e) {
            throw new PlanFileException(e.getMessage());
        }
        if (!isZip(zipped)) {
            throw new PlanFileException(path + " is not a Netform plan file"
                    + (EncryptionTarget.isEncrypted(zipped) ? " (it is encrypted state)" : ""));
        }
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(zipped))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                zip.transferTo(content);
                entries.put(e.getName(), content.toByteArray());
            }
        } catch (ZipException e) {
            throw new PlanFileException(path + " is not a Netform plan file: " + e.getMessage());
        } catch (IOException e) {
            throw new PlanFileException("Could not read the plan file " + path + ": " + e.getMessage());
        }
        return entries;
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the platform's default permissions apply.
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
