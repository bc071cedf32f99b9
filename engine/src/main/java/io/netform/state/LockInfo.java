package io.netform.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.UUID;

/**
 * Who holds a state lock and why, with the field names of Terraform's lock info so tools that read
 * it keep working.
 */
public record LockInfo(
        String id, String operation, String info, String who, String version, Instant created, String path) {

    /** Lock info for an operation started now by this user on this host. */
    public static LockInfo forOperation(String operation, String version, String path) {
        String user = System.getProperty("user.name", "unknown");
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "localhost";
        }
        return new LockInfo(
                UUID.randomUUID().toString(), operation, "", user + "@" + host, version, Instant.now(), path);
    }

    ObjectNode toJson() {
        ObjectNode o = StateCodec.mapper().createObjectNode();
        o.put("ID", id);
        o.put("Operation", operation);
        o.put("Info", info);
        o.put("Who", who);
        o.put("Version", version);
        o.put("Created", created.toString());
        o.put("Path", path);
        return o;
    }

    static LockInfo fromJson(JsonNode o) {
        Instant created;
        try {
            created = Instant.parse(o.path("Created").asText());
        } catch (java.time.format.DateTimeParseException e) {
            created = Instant.EPOCH;
        }
        return new LockInfo(
                o.path("ID").asText(),
                o.path("Operation").asText(),
                o.path("Info").asText(),
                o.path("Who").asText(),
                o.path("Version").asText(),
                created,
                o.path("Path").asText());
    }

    /** The lines Terraform prints under "Lock Info:". */
    public String describe() {
        return "  ID:        " + id + "\n"
                + "  Path:      " + path + "\n"
                + "  Operation: " + operation + "\n"
                + "  Who:       " + who + "\n"
                + "  Version:   " + version + "\n"
                + "  Created:   " + created + "\n"
                + "  Info:      " + info;
    }
}
