package io.netform.graph;

import io.netform.addrs.Resource;
import java.util.List;

/**
 * A vertex of the configuration graph: one declaration of one module (in every instance of that
 * module). {@link #path()} is the module's path of call names from the root.
 */
public sealed interface Node {

    /** The module the declaration belongs to. */
    List<String> path();

    /** The declaration's address without instance keys, as messages name it. */
    String address();

    /** An input variable. */
    record VariableNode(List<String> path, String name) implements Node {
        @Override
        public String address() {
            return prefix(path) + "var." + name;
        }
    }

    /**
     * The validation rules of an input variable that refer to other objects (variables, locals, data
     * sources), checked once those are known.
     */
    record ValidationNode(List<String> path, String name) implements Node {
        @Override
        public String address() {
            return prefix(path) + "var." + name + " (validation)";
        }
    }

    /** A local value. */
    record LocalNode(List<String> path, String name) implements Node {
        @Override
        public String address() {
            return prefix(path) + "local." + name;
        }
    }

    /** An output value. */
    record OutputNode(List<String> path, String name) implements Node {
        @Override
        public String address() {
            return prefix(path) + "output." + name;
        }
    }

    /** A resource or data source, with all of its instances. */
    record ResourceNode(List<String> path, Resource resource) implements Node {
        @Override
        public String address() {
            return prefix(path) + resource;
        }
    }

    /** A module call: its count or for_each decides the instances of the child module. */
    record CallNode(List<String> path, String name) implements Node {
        @Override
        public String address() {
            return prefix(path) + "module." + name;
        }
    }

    /** A provider configuration ({@code name} or {@code name.alias}) declared or implied in a module. */
    record ProviderNode(List<String> path, String key) implements Node {
        @Override
        public String address() {
            return prefix(path) + "provider[\"" + key + "\"]";
        }
    }

    private static String prefix(List<String> path) {
        StringBuilder out = new StringBuilder();
        path.forEach(p -> out.append("module.").append(p).append('.'));
        return out.toString();
    }
}
