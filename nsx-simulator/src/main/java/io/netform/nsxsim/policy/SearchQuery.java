package io.netform.nsxsim.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.nsxsim.store.ObjectTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The Lucene subset of {@code GET /search/query} that the Terraform provider sends: terms
 * {@code field:value} joined by {@code AND}, {@code *} wildcards, backslash escapes (as in
 * {@code path:\/infra*}) and quoted values; {@code tags.scope} and {@code tags.tag} match any tag.
 */
final class SearchQuery {

    /** One {@code field:value} term. */
    private record Term(String field, Pattern value) {}

    private SearchQuery() {}

    /** Runs the query of the request over every object and returns one page of matches. */
    static ObjectNode run(ObjectTree tree, PolicyObjects objects, Map<String, String> query) {
        String text = query.getOrDefault("query", "");
        List<Term> terms = parse(text);
        List<String> matches = new ArrayList<>();
        for (JsonNode node : tree.all()) {
            if (terms.stream().allMatch(term -> matches(node, term))) {
                matches.add(node.path("path").asText());
            }
        }
        return ListPage.of(matches, query, path -> objects.render(tree, path));
    }

    private static List<Term> parse(String text) {
        List<Term> terms = new ArrayList<>();
        for (String token : tokens(text)) {
            if (token.equals("AND") || token.equals("&&")) {
                continue;
            }
            int colon = unescapedColon(token);
            if (colon <= 0 || token.equals("OR") || token.equals("NOT")) {
                throw new ApiException(NsxError.invalid("Search query '" + text + "': term '" + token
                        + "' is not supported; use field:value terms joined by AND"));
            }
            terms.add(new Term(token.substring(0, colon), glob(token.substring(colon + 1))));
        }
        if (terms.isEmpty()) {
            throw new ApiException(NsxError.invalid("Search query is empty; pass query=field:value"));
        }
        return terms;
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                current.append(c).append(text.charAt(++i));
            } else if (c == '"') {
                quoted = !quoted;
                current.append(c);
            } else if (Character.isWhitespace(c) && !quoted) {
                if (current.length() > 0) {
                    tokens.add(current.toString());
                    current.setLength(0);
                }
            } else {
                current.append(c);
            }
        }
        if (current.length() > 0) {
            tokens.add(current.toString());
        }
        return tokens;
    }

    private static int unescapedColon(String token) {
        for (int i = 0; i < token.length(); i++) {
            if (token.charAt(i) == '\\') {
                i++;
            } else if (token.charAt(i) == ':') {
                return i;
            }
        }
        return -1;
    }

    /** The value as a case-insensitive pattern: {@code *} matches anything, escapes are literal. */
    private static Pattern glob(String value) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                regex.append(Pattern.quote(String.valueOf(value.charAt(++i))));
            } else if (c == '*') {
                regex.append(".*");
            } else if (c != '"') {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    }

    private static boolean matches(JsonNode node, Term term) {
        String field = term.field().toLowerCase(Locale.ROOT);
        if (field.equals("tags.scope") || field.equals("tags.tag")) {
            String key = field.substring("tags.".length());
            for (JsonNode tag : node.path("tags")) {
                if (term.value().matcher(tag.path(key).asText("")).matches()) {
                    return true;
                }
            }
            return false;
        }
        JsonNode value = node.get(term.field());
        if (value == null || value.isContainerNode()) {
            return false;
        }
        return term.value().matcher(value.asText()).matches();
    }
}
