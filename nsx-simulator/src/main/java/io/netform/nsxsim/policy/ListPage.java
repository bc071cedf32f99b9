package io.netform.nsxsim.policy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.nsxsim.model.Json;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** One page of a list or search result, cut by {@code cursor} and {@code page_size}. */
final class ListPage {

    static final int DEFAULT_PAGE_SIZE = 1000;

    private ListPage() {}

    /**
     * The list body for the page the query asks for: {@code results}, {@code result_count} (all
     * matches) and a {@code cursor} when more pages follow. The cursor is the next offset.
     */
    static <T> ObjectNode of(List<T> all, Map<String, String> query, Function<T, ObjectNode> render) {
        int offset = number(query, "cursor", 0);
        int size = Math.min(number(query, "page_size", DEFAULT_PAGE_SIZE), DEFAULT_PAGE_SIZE);
        if (size < 1) {
            throw new ApiException(NsxError.invalid("page_size must be at least 1"));
        }
        ObjectNode body = Json.object();
        ArrayNode results = body.putArray("results");
        int end = (int) Math.min((long) offset + size, all.size());
        for (int i = offset; i < end; i++) {
            ObjectNode item = render.apply(all.get(i));
            if (item != null) {
                results.add(item);
            }
        }
        body.put("result_count", all.size());
        if (end < all.size()) {
            body.put("cursor", Integer.toString(end));
        }
        return body;
    }

    private static int number(Map<String, String> query, String name, int fallback) {
        String text = query.get(name);
        if (text == null || text.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text);
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ApiException(NsxError.invalid(name + " must be a non-negative number, got '" + text + "'"));
        }
    }
}
