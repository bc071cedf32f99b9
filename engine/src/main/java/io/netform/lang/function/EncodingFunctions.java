package io.netform.lang.function;

import io.netform.value.Type;
import io.netform.value.Value;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** base64decode base64encode csvdecode jsondecode jsonencode urlencode yamldecode yamlencode. */
final class EncodingFunctions {
    private EncodingFunctions() {}

    static List<Function> all() {
        return List.of(base64decode(), base64encode(), csvdecode(), jsondecode(), jsonencode(),
                urlencode(), yamldecode(), yamlencode());
    }

    private static Function base64decode() {
        return Function.builder("base64decode")
                .param(Parameter.of("str", Type.STRING).allowingMarks())
                .returns(Type.STRING)
                .impl((args, t) -> {
                    Value str = args.get(0);
                    String s = str.unmark().asString();
                    String shown = str.isSensitive() ? "(sensitive value)" : GoText.quote(s);
                    String compact = s.replace("\r", "").replace("\n", "");
                    byte[] bytes;
                    try {
                        if (compact.length() % 4 != 0) {
                            throw new IllegalArgumentException("missing padding");
                        }
                        bytes = Base64.getDecoder().decode(compact);
                    } catch (IllegalArgumentException e) {
                        throw new FunctionException("failed to decode base64 data " + shown);
                    }
                    String text = Utf8.decode(bytes).orElseThrow(() -> new FunctionException(
                            "the result of decoding the provided string is not valid UTF-8"));
                    return Value.string(text).withMarks(str.marks());
                })
                .build();
    }

    private static Function base64encode() {
        return Function.builder("base64encode")
                .param("str", Type.STRING)
                .returns(Type.STRING)
                .impl((args, t) -> Value.string(Base64.getEncoder().encodeToString(
                        args.get(0).asString().getBytes(StandardCharsets.UTF_8))))
                .build();
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
                        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                                || c == '-' || c == '_' || c == '.' || c == '~') {
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
                    List<Value> rows = records.subList(1, records.size()).stream().map(record -> {
                        Map<String, Value> row = new LinkedHashMap<>();
                        for (int i = 0; i < header.size(); i++) {
                            row.put(header.get(i), Value.string(record.get(i)));
                        }
                        return Value.object(row);
                    }).toList();
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
                .returnType(args -> args.get(0).isKnown() ? JsonText.decode(args.get(0).asString()).type() : Type.DYNAMIC)
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
                .returnType(args -> args.get(0).isKnown() ? YamlDecoder.decode(args.get(0).asString()).type() : Type.DYNAMIC)
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
