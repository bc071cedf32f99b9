package io.netform.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The records of an append-only JSON log, one line each, framed as {@code LENGTH CRC32C JSON}: a
 * writer killed in the middle of a line leaves a torn last record, which reading tells apart (and
 * drops) from damage further up, which it reports.
 */
public final class JsonLog {

    private static final int MAX_LENGTH_DIGITS = 10;
    private static final int CRC_DIGITS = 8;

    private JsonLog() {}

    /** What {@link #read} found: the records, and where the last whole one ends (a torn record may follow). */
    public record Read(List<Record> records, int end) {}

    /** One record read, with the bytes its line takes. */
    public record Record(JsonNode json, int bytes) {}

    /** One record as its line, newline included. */
    public static byte[] frame(JsonNode record) {
        try {
            byte[] payload = ExactJson.MAPPER.writeValueAsBytes(record);
            byte[] header = (payload.length + " " + crcOf(payload, 0, payload.length) + " ")
                    .getBytes(StandardCharsets.US_ASCII);
            byte[] line = new byte[header.length + payload.length + 1];
            System.arraycopy(header, 0, line, 0, header.length);
            System.arraycopy(payload, 0, line, header.length, payload.length);
            line[line.length - 1] = '\n';
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException("a log record cannot be written: " + e.getMessage(), e);
        }
    }

    /**
     * The records in {@code bytes} from {@code from} on. A record that is cut short or fails its
     * checksum ends the log when nothing whole follows it (a torn write); with whole records after
     * it, the log is damaged and this fails naming {@code source} and the byte.
     */
    public static Read read(byte[] bytes, int from, String source) {
        List<Record> records = new ArrayList<>();
        int at = skipBlanks(bytes, from);
        while (at < bytes.length) {
            int payload = payloadStart(bytes, at);
            if (payload < 0) {
                if (wholeRecordAfter(bytes, at)) {
                    throw new IllegalStateException(source + ": damaged record at byte " + at
                            + " (its length or checksum does not match, and whole records follow it)");
                }
                return new Read(List.copyOf(records), at);
            }
            int length = lengthOf(bytes, at);
            try {
                records.add(new Record(ExactJson.MAPPER.readTree(bytes, payload, length), payload + length + 1 - at));
            } catch (IOException e) {
                throw new IllegalStateException(
                        source + ": the record at byte " + at + " is not JSON: " + e.getMessage());
            }
            at = skipBlanks(bytes, payload + length + 1);
        }
        return new Read(List.copyOf(records), bytes.length);
    }

    /** Where the payload of a whole, intact record at {@code at} starts, or -1. */
    private static int payloadStart(byte[] bytes, int at) {
        int i = at;
        long length = 0;
        while (i < bytes.length && i - at < MAX_LENGTH_DIGITS && Character.isDigit(bytes[i])) {
            length = length * 10 + (bytes[i] - '0');
            i++;
        }
        if (i == at || i >= bytes.length || bytes[i] != ' ') {
            return -1;
        }
        int crcAt = i + 1;
        int payload = crcAt + CRC_DIGITS + 1;
        long end = payload + length;
        if (end >= bytes.length || bytes[crcAt + CRC_DIGITS] != ' ' || bytes[(int) end] != '\n') {
            return -1;
        }
        String crc = new String(bytes, crcAt, CRC_DIGITS, StandardCharsets.US_ASCII);
        return crc.equals(crcOf(bytes, payload, (int) length)) ? payload : -1;
    }

    private static int lengthOf(byte[] bytes, int at) {
        int length = 0;
        for (int i = at; bytes[i] != ' '; i++) {
            length = length * 10 + (bytes[i] - '0');
        }
        return length;
    }

    private static boolean wholeRecordAfter(byte[] bytes, int at) {
        for (int i = at; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                int next = skipBlanks(bytes, i + 1);
                if (next < bytes.length && payloadStart(bytes, next) >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int skipBlanks(byte[] bytes, int from) {
        int i = from;
        while (i < bytes.length && (bytes[i] == '\n' || bytes[i] == ' ' || bytes[i] == '\r' || bytes[i] == '\t')) {
            i++;
        }
        return i;
    }

    private static String crcOf(byte[] bytes, int from, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, from, length);
        return String.format("%08x", crc.getValue());
    }
}
