package io.netform.lang.function;

import io.netform.value.Type;
import io.netform.value.Value;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * base64decode base64encode base64gzip base64gunzip csvdecode jsondecode jsonencode textdecodebase64
 * textencodebase64 urldecode urlencode yamldecode yamlencode.
 */
final class EncodingFunctions {
    private EncodingFunctions() {}

    static List<Function> all() {
        return List.of(
                base64decode(),
                base64encode(),
                base64gzip(),
                base64gunzip(),
                csvdecode(),
                jsondecode(),
                jsonencode(),
                textdecodebase64(),
                textencodebase64(),
                urldecode(),
                urlencode(),
                yamldecode(),
                yamlencode());
    }

    private static Function base64decode() {
        return Function.builder("base64decode")
                .param(Parameter.of("str", Type.STRING).allowingMarks())
                .returns(Type.STRING)
                .impl((args, t) -> {
                    Value str = args.get(0);
                    String s = str.unmark().asString();
                    String shown = str.isSensitive() ? "(sensitive value)" : GoText.quote(s);
                    byte[] bytes;
                    try {
                        bytes = GoBase64.decode(s);
                    } catch (GoBase64.CorruptInputException e) {
                        throw new FunctionException("failed to decode base64 data " + shown);
                    }
                    String text = Utf8.decode(bytes)
                            .orElseThrow(() -> new FunctionException(
                                    "the result of decoding the provided string is not valid UTF-8"));
                    return Value.string(text).withMarks(str.marks());
                })
                .build();
    }

    private static Function base64encode() {
        return Function.builder("base64encode")
                .param("str", Type.STRING)
                .returns(Type.STRING)
                .impl((args, t) -> Value.string(Base64.getEncoder()
                        .encodeToString(args.get(0).asString().getBytes(StandardCharsets.UTF_8))))
                .build();
    }

    /**
     * gzip as Go's compress/gzip writes it (no name or time, OS "unknown", a sync flush and then an
     * empty stored final block), so short texts give Terraform's bytes exactly; longer ones may
     * compress differently but decompress to the same text.
     */
    private static Function base64gzip() {
        return Function.builder("base64gzip")
                .param("str", Type.STRING)
                .returns(Type.STRING)
                .impl((args, t) -> Value.string(Base64.getEncoder()
                        .encodeToString(gzip(args.get(0).asString().getBytes(StandardCharsets.UTF_8)))))
                .build();
    }

    private static final byte[] GZIP_HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
    private static final byte[] EMPTY_FINAL_BLOCK = {1, 0, 0, (byte) 0xff, (byte) 0xff};

    private static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + 32);
        out.writeBytes(GZIP_HEADER);
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            deflater.setInput(data);
            byte[] buffer = new byte[8192];
            int n;
            do {
                n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
                out.write(buffer, 0, n);
            } while (n == buffer.length);
        } finally {
            deflater.end();
        }
        out.writeBytes(EMPTY_FINAL_BLOCK);
        CRC32 crc = new CRC32();
        crc.update(data);
        writeLittleEndian(out, crc.getValue());
        writeLittleEndian(out, data.length & 0xFFFFFFFFL);
        return out.toByteArray();
    }

    private static void writeLittleEndian(ByteArrayOutputStream out, long value) {
        for (int i = 0; i < 4; i++) {
            out.write((int) (value >> (8 * i)) & 0xFF);
        }
    }

    /** OpenTofu's base64gunzip: the inverse of base64gzip. */
    private static Function base64gunzip() {
        return Function.builder("base64gunzip")
                .param(Parameter.of("str", Type.STRING).allowingMarks())
                .returns(Type.STRING)
                .impl((args, t) -> {
                    Value str = args.get(0);
                    String s = str.unmark().asString();
                    byte[] compressed;
                    try {
                        compressed = GoBase64.decode(s);
                    } catch (GoBase64.CorruptInputException e) {
                        throw new FunctionException("failed to decode base64 data "
                                + (str.isSensitive() ? "(sensitive value)" : GoText.quote(s)));
                    }
                    byte[] text;
                    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
                        text = in.readAllBytes();
                    } catch (ZipException e) {
                        throw new FunctionException("failed to gunzip bytestream: gzip: invalid header");
                    } catch (EOFException e) {
                        throw new FunctionException("failed to gunzip bytestream: unexpected EOF");
                    } catch (IOException e) {
                        throw new FunctionException("failed to read gunzip raw data: " + e.getMessage());
                    }
                    return Value.string(new String(text, StandardCharsets.UTF_8))
                            .withMarks(str.marks());
                })
                .build();
    }

    private static Function textencodebase64() {
        return Function.builder("textencodebase64")
                .param("string", Type.STRING)
                .param("encoding", Type.STRING)
                .returns(Type.STRING)
                .impl((args, t) -> {
                    Charset charset = ianaEncoding(args.get(1).asString());
                    if (!charset.canEncode()) {
                        throw unsupportedEncoding(args.get(1).asString());
                    }
                    ByteBuffer encoded;
                    try {
                        encoded = charset.newEncoder()
                                .onMalformedInput(CodingErrorAction.REPORT)
                                .onUnmappableCharacter(CodingErrorAction.REPORT)
                                .encode(CharBuffer.wrap(args.get(0).asString()));
                    } catch (CharacterCodingException e) {
                        throw FunctionException.argument(
                                0,
                                "the given string contains characters that cannot be represented in " + charset.name());
                    }
                    byte[] bytes = new byte[encoded.remaining()];
                    encoded.get(bytes);
                    return Value.string(Base64.getEncoder().encodeToString(bytes));
                })
                .build();
    }

    private static Function textdecodebase64() {
        return Function.builder("textdecodebase64")
                .param("source", Type.STRING)
                .param("encoding", Type.STRING)
                .returns(Type.STRING)
                .impl((args, t) -> {
                    Charset charset = ianaEncoding(args.get(1).asString());
                    byte[] bytes;
                    try {
                        bytes = GoBase64.decode(args.get(0).asString());
                    } catch (GoBase64.CorruptInputException e) {
                        throw FunctionException.argument(
                                0, "the given value is has an invalid base64 symbol at offset " + e.offset());
                    }
                    String text;
                    try {
                        text = charset.newDecoder()
                                .onMalformedInput(CodingErrorAction.REPORT)
                                .onUnmappableCharacter(CodingErrorAction.REPORT)
                                .decode(ByteBuffer.wrap(bytes))
                                .toString();
                    } catch (CharacterCodingException e) {
                        text = null;
                    }
                    if (text == null || text.indexOf('\uFFFD') >= 0) {
                        throw FunctionException.argument(
                                0, "the given string contains symbols that are not defined for " + charset.name());
                    }
                    return Value.string(text);
                })
                .build();
    }

    /** The character set an IANA name or alias stands for, as Terraform's encoding argument takes it. */
    private static Charset ianaEncoding(String name) throws FunctionException {
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw unsupportedEncoding(name);
        }
    }

    private static FunctionException unsupportedEncoding(String name) {
        return FunctionException.argument(
                1, GoText.quote(name) + " is not a supported IANA encoding name or alias in this Terraform version");
    }

    /** OpenTofu's urldecode: Go's url.QueryUnescape, the inverse of urlencode. */
    private static Function urldecode() {
        return Function.builder("urldecode")
                .param("str", Type.STRING)
                .returns(Type.STRING)
                .impl((args, t) -> {
                    byte[] in = args.get(0).asString().getBytes(StandardCharsets.UTF_8);
                    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
                    for (int i = 0; i < in.length; i++) {
                        if (in[i] == '+') {
                            out.write(' ');
                        } else if (in[i] != '%') {
                            out.write(in[i]);
                        } else if (i + 2 < in.length && hexDigit(in[i + 1]) >= 0 && hexDigit(in[i + 2]) >= 0) {
                            out.write(hexDigit(in[i + 1]) << 4 | hexDigit(in[i + 2]));
                            i += 2;
                        } else {
                            String escape = new String(in, i, Math.min(3, in.length - i), StandardCharsets.UTF_8);
                            throw new FunctionException(
                                    "failed to decode URL '': invalid URL escape " + GoText.quote(escape));
                        }
                    }
                    return Value.string(out.toString(StandardCharsets.UTF_8));
                })
                .build();
    }

    private static int hexDigit(byte b) {
        return Character.digit(b, 16);
    }

    /** Go's url.QueryEscape: unreserved characters stay, space becomes '+', the rest %XX. */
    private static Function urlencode() {
        return Function.builder("urlencode")
                .param("str", Type.STRING)
                .returns(Type.STRING)
                .impl((args, t) -> {
                    StringBuilder out = new StringBuilder();
                    for (byte b : args.get(0).asString().getBytes(StandardCharsets.UTF_8)) {
                        char c = (char) (b & 0xFF);
                        if ((c >= 'a' && c <= 'z')
                                || (c >= 'A' && c <= 'Z')
                                || (c >= '0' && c <= '9')
                                || c == '-'
                                || c == '_'
                                || c == '.'
                                || c == '~') {
                            out.append(c);
                        } else if (c == ' ') {
                            out.append('+');
                        } else {
                            out.append('%').append(String.format("%02X", b & 0xFF));
                        }
                    }
                    return Value.string(out.toString());
                })
                .build();
    }

    private static Function csvdecode() {
        return Function.builder("csvdecode")
                .param("str", Type.STRING)
                .returnType(args -> {
                    if (!args.get(0).isKnown()) {
                        return Type.list(Type.DYNAMIC);
                    }
                    return Type.list(rowType(CsvRecords.read(args.get(0).asString())));
                })
                .impl((args, type) -> {
                    List<List<String>> records = CsvRecords.read(args.get(0).asString());
                    List<String> header = records.get(0);
                    List<Value> rows = records.subList(1, records.size()).stream()
                            .map(record -> {
                                Map<String, Value> row = new LinkedHashMap<>();
                                for (int i = 0; i < header.size(); i++) {
                                    row.put(header.get(i), Value.string(record.get(i)));
                                }
                                return Value.object(row);
                            })
                            .toList();
                    return Value.list(type.elementType(), rows);
                })
                .build();
    }

    private static Type rowType(List<List<String>> records) throws FunctionException {
        if (records.isEmpty()) {
            throw new FunctionException("missing header line");
        }
        Map<String, Type> columns = new LinkedHashMap<>();
        for (String name : records.get(0)) {
            if (columns.put(name, Type.STRING) != null) {
                throw new FunctionException("duplicate column name " + GoText.quote(name));
            }
        }
        return Type.object(columns);
    }

    private static Function jsondecode() {
        return Function.builder("jsondecode")
                .param("str", Type.STRING)
                .resultMayBeNull()
                .returnType(args -> args.get(0).isKnown()
                        ? JsonText.decode(args.get(0).asString()).type()
                        : Type.DYNAMIC)
                .impl((args, t) -> JsonText.decode(args.get(0).asString()))
                .build();
    }

    private static Function jsonencode() {
        return Function.builder("jsonencode")
                .param(Parameter.of("val", Type.DYNAMIC).allowingDynamic().allowingNull())
                .returns(Type.STRING)
                .impl((args, t) -> args.get(0).isWhollyKnown()
                        ? Value.string(JsonText.encode(args.get(0)))
                        : Value.unknown(Type.STRING))
                .build();
    }

    private static Function yamldecode() {
        return Function.builder("yamldecode")
                .param("src", Type.STRING)
                .resultMayBeNull()
                .returnType(args -> args.get(0).isKnown()
                        ? YamlDecoder.decode(args.get(0).asString()).type()
                        : Type.DYNAMIC)
                .impl((args, t) -> YamlDecoder.decode(args.get(0).asString()))
                .build();
    }

    private static Function yamlencode() {
        return Function.builder("yamlencode")
                .param(Parameter.of("value", Type.DYNAMIC).allowingDynamic().allowingNull())
                .returns(Type.STRING)
                .impl((args, t) -> args.get(0).isWhollyKnown()
                        ? Value.string(YamlEncoder.encode(args.get(0)))
                        : Value.unknown(Type.STRING))
                .build();
    }
}
