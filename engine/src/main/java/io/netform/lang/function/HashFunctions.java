package io.netform.lang.function;

import io.netform.value.Type;
import io.netform.value.Value;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/** md5 sha1 sha256 sha512 base64sha256 base64sha512 bcrypt uuid uuidv5. */
final class HashFunctions {
    /** The digests Terraform offers for strings, and (prefixed with "file") for files. */
    static final List<Digest> DIGESTS = List.of(
            new Digest("md5", "MD5", false),
            new Digest("sha1", "SHA-1", false),
            new Digest("sha256", "SHA-256", false),
            new Digest("sha512", "SHA-512", false),
            new Digest("base64sha256", "SHA-256", true),
            new Digest("base64sha512", "SHA-512", true));

    private static final int BCRYPT_DEFAULT_COST = 10;
    private static final int BCRYPT_MIN_COST = 4;
    private static final int BCRYPT_MAX_COST = 31;
    private static final int BCRYPT_MAX_PASSWORD = 72;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Map<String, String> NAMESPACES = Map.of(
            "dns", "6ba7b810-9dad-11d1-80b4-00c04fd430c8",
            "url", "6ba7b811-9dad-11d1-80b4-00c04fd430c8",
            "oid", "6ba7b812-9dad-11d1-80b4-00c04fd430c8",
            "x500", "6ba7b814-9dad-11d1-80b4-00c04fd430c8");

    private HashFunctions() {}

    /**
     * A hash function and how its result is written (hex or base64).
     *
     * @param name the function's name, e.g. {@code base64sha256}
     * @param algorithm the JDK's name of the digest
     */
    record Digest(String name, String algorithm, boolean base64) {
        /** The written digest of {@code data}. */
        String of(byte[] data) {
            byte[] digest = digest(algorithm, data);
            return base64
                    ? Base64.getEncoder().encodeToString(digest)
                    : HexFormat.of().formatHex(digest);
        }
    }

    static List<Function> all() {
        List<Function> all = new ArrayList<>();
        for (Digest d : DIGESTS) {
            all.add(Function.builder(d.name())
                    .param("str", Type.STRING)
                    .returns(Type.STRING)
                    .impl((args, t) -> Value.string(d.of(args.get(0).asString().getBytes(StandardCharsets.UTF_8))))
                    .build());
        }
        all.add(bcrypt());
        all.add(uuid());
        all.add(uuidv5());
        return List.copyOf(all);
    }

    /** A random (version 4) UUID; impure, so known only during apply. */
    private static Function uuid() {
        return Function.builder("uuid")
                .impure()
                .returns(Type.STRING)
                .impl((args, t) -> Value.string(UUID.randomUUID().toString()))
                .build();
    }

    /**
     * The bcrypt hash of a string in Modular Crypt Format ({@code $2a$10$...}), as Go's bcrypt writes
     * it: a fresh salt each time, so impure like Terraform's.
     */
    private static Function bcrypt() {
        return Function.builder("bcrypt")
                .impure()
                .param("str", Type.STRING)
                .variadic(Parameter.of("cost", Type.NUMBER))
                .returns(Type.STRING)
                .impl((args, t) -> {
                    long cost = BCRYPT_DEFAULT_COST;
                    if (args.size() > 1) {
                        try {
                            cost = Arguments.wholeNumber(args.get(1), 1);
                        } catch (FunctionException e) {
                            throw new FunctionException(e.reason());
                        }
                    }
                    if (args.size() > 2) {
                        throw new FunctionException("bcrypt() takes no more than two arguments");
                    }
                    byte[] password = args.get(0).asString().getBytes(StandardCharsets.UTF_8);
                    if (password.length > BCRYPT_MAX_PASSWORD) {
                        throw new FunctionException("error occured generating password bcrypt: password length exceeds "
                                + BCRYPT_MAX_PASSWORD + " bytes");
                    }
                    // Go's bcrypt quietly raises a cost below its minimum to its default.
                    if (cost < BCRYPT_MIN_COST) {
                        cost = BCRYPT_DEFAULT_COST;
                    }
                    if (cost > BCRYPT_MAX_COST) {
                        throw new FunctionException("error occured generating password crypto/bcrypt: cost " + cost
                                + " is outside allowed range (" + BCRYPT_MIN_COST + "," + BCRYPT_MAX_COST + ")");
                    }
                    byte[] salt = new byte[16];
                    RANDOM.nextBytes(salt);
                    return Value.string(OpenBSDBCrypt.generate("2a", password, salt, (int) cost));
                })
                .build();
    }

    static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the Java runtime lacks " + algorithm, e);
        }
    }

    private static Function uuidv5() {
        return Function.builder("uuidv5")
                .param("namespace", Type.STRING)
                .param("name", Type.STRING)
                .returns(Type.STRING)
                .impl((args, t) -> {
                    String given = args.get(0).asString();
                    byte[] namespace = parseUuid(NAMESPACES.getOrDefault(given, given), given);
                    byte[] name = args.get(1).asString().getBytes(StandardCharsets.UTF_8);
                    byte[] input = ByteBuffer.allocate(namespace.length + name.length)
                            .put(namespace)
                            .put(name)
                            .array();
                    byte[] hash = digest("SHA-1", input);
                    hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
                    hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
                    ByteBuffer b = ByteBuffer.wrap(hash, 0, 16);
                    return Value.string(new UUID(b.getLong(), b.getLong()).toString());
                })
                .build();
    }

    /** The 16 bytes of a UUID in any form Go's uuid.Parse accepts. */
    private static byte[] parseUuid(String text, String given) throws FunctionException {
        String s = text;
        if (s.length() == 45 && s.regionMatches(true, 0, "urn:uuid:", 0, 9)) {
            s = s.substring(9);
        } else if (s.length() == 38 && s.startsWith("{") && s.endsWith("}")) {
            s = s.substring(1, 37);
        }
        if (s.length() != 36 && s.length() != 32) {
            throw unsupported(given, "invalid UUID length: " + text.length());
        }
        if (s.length() == 36) {
            if (s.charAt(8) != '-' || s.charAt(13) != '-' || s.charAt(18) != '-' || s.charAt(23) != '-') {
                throw unsupported(given, "invalid UUID format");
            }
            s = s.replace("-", "");
        }
        if (!s.matches("[0-9a-fA-F]{32}")) {
            throw unsupported(given, "invalid UUID format");
        }
        return HexFormat.of().parseHex(s);
    }

    private static FunctionException unsupported(String namespace, String reason) {
        return new FunctionException("uuidv5() doesn't support namespace " + namespace + " (" + reason + ")");
    }
}
