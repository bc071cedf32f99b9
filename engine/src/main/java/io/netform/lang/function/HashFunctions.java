package io.netform.lang.function;

import io.netform.value.Type;
import io.netform.value.Value;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** md5 sha1 sha256 sha512 base64sha256 base64sha512 uuidv5. */
final class HashFunctions {
    private static final Map<String, String> NAMESPACES = Map.of(
            "dns", "6ba7b810-9dad-11d1-80b4-00c04fd430c8",
            "url", "6ba7b811-9dad-11d1-80b4-00c04fd430c8",
            "oid", "6ba7b812-9dad-11d1-80b4-00c04fd430c8",
            "x500", "6ba7b814-9dad-11d1-80b4-00c04fd430c8");

    private HashFunctions() {}

    static List<Function> all() {
        return List.of(
                hash("md5", "MD5", false),
                hash("sha1", "SHA-1", false),
                hash("sha256", "SHA-256", false),
                hash("sha512", "SHA-512", false),
                hash("base64sha256", "SHA-256", true),
                hash("base64sha512", "SHA-512", true),
                uuidv5());
    }

    private static Function hash(String name, String algorithm, boolean base64) {
        return Function.builder(name)
                .param("str", Type.STRING)
                .returns(Type.STRING)
                .impl((args, t) -> {
                    byte[] digest = digest(algorithm, args.get(0).asString().getBytes(StandardCharsets.UTF_8));
                    return Value.string(base64 ? Base64.getEncoder().encodeToString(digest)
                            : HexFormat.of().formatHex(digest));
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
                    byte[] input = ByteBuffer.allocate(namespace.length + name.length).put(namespace).put(name).array();
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
