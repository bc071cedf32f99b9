package io.netform.graph;

import java.util.List;

/** The graph has a cycle; {@link #members()} lists every vertex on it, so the user can see what to break. */
public final class CycleException extends RuntimeException {

    private final transient List<List<String>> cycles;

    CycleException(List<List<String>> cycles) {
        super(describe(cycles));
        this.cycles = List.copyOf(cycles);
    }

    /** Each cycle, as the names of its vertices. */
    public List<List<String>> members() {
        return cycles;
    }

    private static String describe(List<List<String>> cycles) {
        StringBuilder out = new StringBuilder("Cycle: ");
        for (int i = 0; i < cycles.size(); i++) {
            if (i > 0) {
                out.append("; Cycle: ");
            }
            out.append(String.join(", ", cycles.get(i)));
        }
        return out.toString();
    }
}
