package io.netform.addrs;

/**
 * Parses the addresses users type on the command line ({@code -target}, {@code state show}, {@code import}):
 * a module instance, a resource or a resource instance.
 */
public final class AddressParser {

    private final String text;
    private int pos;

    private AddressParser(String text) {
        this.text = text;
    }

    /** What an address names. */
    public sealed interface Target permits ModuleTarget, ResourceTarget, ResourceInstanceTarget {
        /** Whether {@code instance} is, or is inside, what this address names. */
        boolean covers(ResourceInstance instance);
    }

    /** A whole module instance and everything in it. */
    public record ModuleTarget(ModuleInstance module) implements Target {
        @Override
        public boolean covers(ResourceInstance instance) {
            return module.contains(instance.module());
        }

        @Override
        public String toString() {
            return module.toString();
        }
    }

    /** All instances of one resource. */
    public record ResourceTarget(AbsResource resource) implements Target {
        @Override
        public boolean covers(ResourceInstance instance) {
            return instance.resource().equals(resource);
        }

        @Override
        public String toString() {
            return resource.toString();
        }
    }

    /** A single resource instance. */
    public record ResourceInstanceTarget(ResourceInstance instance) implements Target {
        @Override
        public boolean covers(ResourceInstance other) {
            return instance.equals(other);
        }

        @Override
        public String toString() {
            return instance.toString();
        }
    }

    /**
     * Parses any address.
     *
     * @throws AddressException naming the column where the address went wrong
     */
    public static Target parse(String text) {
        AddressParser p = new AddressParser(text);
        ModuleInstance module = p.modulePath();
        if (p.atEnd()) {
            if (module.isRoot()) {
                throw p.error("an address is required");
            }
            return new ModuleTarget(module);
        }
        AbsResource resource = p.resource(module);
        if (p.atEnd()) {
            return new ResourceTarget(resource);
        }
        InstanceKey key = p.key();
        p.expectEnd();
        return new ResourceInstanceTarget(resource.instance(key));
    }

    /** Parses an address that must name one resource instance (a missing key means the unkeyed instance). */
    public static ResourceInstance parseInstance(String text) {
        Target target = parse(text);
        if (target instanceof ResourceInstanceTarget t) {
            return t.instance();
        }
        if (target instanceof ResourceTarget t) {
            return t.resource().instance(InstanceKey.NONE);
        }
        throw new AddressException(text, 0, "a resource instance address is required, not a module");
    }

    /** Parses an address that must name a module instance. */
    public static ModuleInstance parseModule(String text) {
        AddressParser p = new AddressParser(text);
        ModuleInstance module = p.modulePath();
        p.expectEnd();
        return module;
    }

    private ModuleInstance modulePath() {
        ModuleInstance module = ModuleInstance.ROOT;
        while (text.startsWith("module.", pos)) {
            pos += "module.".length();
            String name = identifier("module name");
            InstanceKey key = peek() == '[' ? key() : InstanceKey.NONE;
            module = module.child(name, key);
            if (!atEnd()) {
                expect('.');
            }
        }
        return module;
    }

    private AbsResource resource(ModuleInstance module) {
        ResourceMode mode = ResourceMode.MANAGED;
        if (text.startsWith("data.", pos)) {
            mode = ResourceMode.DATA;
            pos += "data.".length();
        }
        String type = identifier("resource type");
        expect('.');
        String name = identifier("resource name");
        return new Resource(mode, type, name).in(module);
    }

    private InstanceKey key() {
        expect('[');
        InstanceKey key;
        if (peek() == '"') {
            key = InstanceKey.of(quoted());
        } else {
            int start = pos;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
            if (start == pos) {
                throw error("an instance key must be a number or a quoted string");
            }
            try {
                key = InstanceKey.of(Integer.parseInt(text.substring(start, pos)));
            } catch (NumberFormatException e) {
                pos = start;
                throw error("the index is too large");
            }
        }
        expect(']');
        return key;
    }

    private String quoted() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (pos < text.length() && text.charAt(pos) != '"') {
            char c = text.charAt(pos++);
            if (c == '\\' && pos < text.length()) {
                char e = text.charAt(pos++);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        if (pos + 4 > text.length()) {
                            throw error("incomplete \\u escape");
                        }
                        out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                        pos += 4;
                    }
                    default -> out.append(e);
                }
            } else {
                out.append(c);
            }
        }
        expect('"');
        return out.toString();
    }

    private String identifier(String what) {
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            boolean ok = Character.isLetter(c) || c == '_' || (pos > start && (Character.isDigit(c) || c == '-'));
            if (!ok) {
                break;
            }
            pos++;
        }
        if (start == pos) {
            throw error("a " + what + " is required");
        }
        return text.substring(start, pos);
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error(atEnd() ? "the address ends too early; expected '" + c + "'" : "expected '" + c + "'");
        }
        pos++;
    }

    private void expectEnd() {
        if (!atEnd()) {
            throw error("unexpected text after the address");
        }
    }

    private char peek() {
        return atEnd() ? '\0' : text.charAt(pos);
    }

    private boolean atEnd() {
        return pos >= text.length();
    }

    private AddressException error(String message) {
        return new AddressException(text, pos, message);
    }
}
