package io.netform.provider.testing;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.file.AtomicFile;
import io.netform.json.ExactJson;
import io.netform.json.JsonLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The testing provider's store file, shared by every process that names it: an optional whole store
 * {@code {"objects": {id: object}}} (what compaction writes, and the file's former format) followed by
 * {@link JsonLog} records {@code {"put": id, "object": {...}}} and {@code {"delete": id}}, each appended
 * and fsynced under the lock file. Each instance keeps an index, reads the file once and then only what
 * other processes appended, and rewrites it (atomically) only when most of it is superseded records.
 */
public final class StoreLog implements TestingStore {

    private static final ObjectMapper JSON = ExactJson.MAPPER;
    /** Below this size a file is never compacted: rewriting it would save nothing worth a rewrite. */
    private static final long COMPACT_FROM_BYTES = 64 * 1024;
    /** How many bytes before the end of what was read are compared to tell an append from a rewrite. */
    private static final int MARK_BYTES = 64;
    /** File locks belong to the whole JVM: instances on the same file take turns here first. */
    private static final Map<Path, Object> IN_THIS_JVM = new ConcurrentHashMap<>();

    private final Path file;
    private final Path lockFile;
    private final Object turn;
    private final TreeMap<String, Entry> objects = new TreeMap<>();
    /** The file as last read or written: which file, its size and time, and where its whole records end. */
    private Object fileKey;

    private long size = -1;
    private FileTime modified;
    private long end;
    private byte[] mark = new byte[0];
    /** Bytes of the file that describe no current object: replaced or deleted objects' records. */
    private long superseded;

    /** What runs under the lock, on the file brought up to date. */
    private interface Work<T> {
        T run() throws IOException;
    }

    /** An object with the size of the record that wrote it. */
    private record Entry(JsonNode object, long bytes) {}

    /** The store in {@code file}, which need not exist yet. */
    public StoreLog(Path file) {
        this.file = file.toAbsolutePath().normalize();
        this.lockFile = this.file.resolveSibling(this.file.getFileName() + ".lock");
        this.turn = IN_THIS_JVM.computeIfAbsent(this.file, f -> new Object());
    }

    @Override
    public Optional<JsonNode> get(String id) {
        return locked(
                () -> Optional.ofNullable(objects.get(id)).map(e -> e.object().deepCopy()));
    }

    @Override
    public void put(String id, JsonNode object) {
        ObjectNode record = JSON.createObjectNode().put("put", id);
        record.set("object", object.deepCopy());
        append(record);
    }

    @Override
    public void remove(String id) {
        append(JSON.createObjectNode().put("delete", id));
    }

    /** Every object in the store, by id. */
    public Map<String, JsonNode> objects() {
        return locked(() -> {
            Map<String, JsonNode> all = new TreeMap<>();
            objects.forEach((id, entry) -> all.put(id, entry.object().deepCopy()));
            return all;
        });
    }

    private void append(ObjectNode record) {
        byte[] line = JsonLog.frame(record);
        locked(() -> {
            write(line);
            apply(record, line.length);
            if (size > COMPACT_FROM_BYTES && superseded * 2 > size) {
                compact();
            }
            return null;
        });
    }

    private <T> T locked(Work<T> work) {
        synchronized (turn) {
            try (FileChannel channel =
                    FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                FileLock held = channel.lock();
                try {
                    catchUp();
                    return work.run();
                } catch (IOException | RuntimeException e) {
                    forget(); // what this instance knows of the file may be half updated: read it afresh next time
                    throw e;
                } finally {
                    held.release();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("the testing store " + file + " cannot be used: " + e.getMessage(), e);
            }
        }
    }

    /** Brings the index up to the file: nothing if it is unchanged, the tail if others appended, else all of it. */
    private void catchUp() throws IOException {
        BasicFileAttributes now = attributes();
        if (now == null) {
            forget();
            size = 0;
            return;
        }
        if (Objects.equals(now.fileKey(), fileKey)
                && now.size() == size
                && now.lastModifiedTime().equals(modified)) {
            return;
        }
        boolean appended = Objects.equals(now.fileKey(), fileKey) && now.size() > end && readTail(now);
        if (!appended) {
            reload(now);
        }
    }

    private boolean readTail(BasicFileAttributes now) throws IOException {
        int back = mark.length;
        byte[] bytes = new byte[Math.toIntExact(now.size() - end + back)];
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            readFully(in, ByteBuffer.wrap(bytes), end - back);
        }
        if (!Arrays.equals(bytes, 0, back, mark, 0, back)) {
            return false;
        }
        JsonLog.Read read = JsonLog.read(bytes, back, file.toString());
        read.records().forEach(record -> apply(record.json(), record.bytes()));
        remember(now, end + read.end() - back, bytes, read.end());
        return true;
    }

    private void reload(BasicFileAttributes now) throws IOException {
        forget();
        byte[] bytes = Files.readAllBytes(file);
        int from = readWholeStore(bytes);
        JsonLog.Read read = JsonLog.read(bytes, from, file.toString());
        read.records().forEach(record -> apply(record.json(), record.bytes()));
        remember(now, read.end(), bytes, read.end());
    }

    /** Reads the whole store at the start of the file, if there is one; returns where it ends. */
    private int readWholeStore(byte[] bytes) throws IOException {
        int start = 0;
        while (start < bytes.length && Character.isWhitespace(bytes[start])) {
            start++;
        }
        if (start == bytes.length || bytes[start] != '{') {
            return start;
        }
        try (JsonParser parser = JSON.createParser(bytes)) {
            JsonNode store = parser.readValueAsTree();
            JsonNode stored = store == null ? null : store.get("objects");
            if (!(stored instanceof ObjectNode)) {
                throw new IllegalStateException(file + ": not a testing store (no \"objects\" object at its start)");
            }
            int bytesEach =
                    stored.isEmpty() ? 0 : (int) (parser.getCurrentLocation().getByteOffset() / stored.size());
            stored.fields()
                    .forEachRemaining(field -> objects.put(field.getKey(), new Entry(field.getValue(), bytesEach)));
            return (int) parser.getCurrentLocation().getByteOffset();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(file + ": the testing store is not readable: " + e.getOriginalMessage());
        }
    }

    private void apply(JsonNode record, long bytes) {
        Entry replaced;
        if (record.has("put")) {
            replaced = objects.put(record.get("put").asText(), new Entry(record.get("object"), bytes));
        } else {
            replaced = objects.remove(record.path("delete").asText());
            superseded += bytes;
        }
        if (replaced != null) {
            superseded += replaced.bytes();
        }
    }

    private void write(byte[] line) throws IOException {
        boolean created = size == 0;
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            if (size > end) {
                out.truncate(end); // a torn record left by a writer that was killed
            }
            boolean newline = end == 0 || (mark.length > 0 && mark[mark.length - 1] == '\n');
            ByteBuffer buffer = ByteBuffer.allocate(line.length + (newline ? 0 : 1));
            if (!newline) {
                buffer.put((byte) '\n');
            }
            buffer.put(line).flip();
            mark = tailOf(mark, Arrays.copyOf(buffer.array(), buffer.limit()));
            long at = end;
            while (buffer.hasRemaining()) {
                at += out.write(buffer, at);
            }
            out.force(false);
            end = at;
            size = at;
        }
        if (created) {
            AtomicFile.syncDirectory(file.getParent());
        }
        BasicFileAttributes now = attributes();
        fileKey = now.fileKey();
        modified = now.lastModifiedTime();
    }

    /** Rewrites the file as the whole store alone, atomically, for every process to read afresh. */
    private void compact() {
        ObjectNode stored = JSON.createObjectNode();
        objects.forEach((id, entry) -> stored.set(id, entry.object()));
        ObjectNode store = JSON.createObjectNode();
        store.set("objects", stored);
        try {
            byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(store);
            byte[] withNewline = Arrays.copyOf(bytes, bytes.length + 1);
            withNewline[bytes.length] = '\n';
            AtomicFile.replace(file, withNewline);
            remember(attributes(), withNewline.length, withNewline, withNewline.length);
            superseded = 0;
        } catch (IOException e) {
            throw new UncheckedIOException("the testing store " + file + " cannot be compacted: " + e.getMessage(), e);
        }
    }

    private void forget() {
        objects.clear();
        fileKey = null;
        size = -1;
        modified = null;
        end = 0;
        mark = new byte[0];
        superseded = 0;
    }

    private void remember(BasicFileAttributes now, long wholeEnd, byte[] bytes, int endInBytes) {
        fileKey = now.fileKey();
        size = now.size();
        modified = now.lastModifiedTime();
        end = wholeEnd;
        mark = Arrays.copyOfRange(bytes, Math.max(0, endInBytes - MARK_BYTES), endInBytes);
    }

    private BasicFileAttributes attributes() throws IOException {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static byte[] tailOf(byte[] before, byte[] appended) {
        byte[] joined = new byte[before.length + appended.length];
        System.arraycopy(before, 0, joined, 0, before.length);
        System.arraycopy(appended, 0, joined, before.length, appended.length);
        return Arrays.copyOfRange(joined, Math.max(0, joined.length - MARK_BYTES), joined.length);
    }

    private static void readFully(FileChannel in, ByteBuffer into, long position) throws IOException {
        long at = position;
        while (into.hasRemaining()) {
            int n = in.read(into, at);
            if (n < 0) {
                throw new IOException("the file ended early");
            }
            at += n;
        }
    }
}
