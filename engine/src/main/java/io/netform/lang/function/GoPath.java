package io.netform.lang.function;

import java.util.ArrayDeque;
import java.util.Deque;

/** Go's path/filepath lexical operations for slash-separated paths (Clean, Join, Base, Dir). */
final class GoPath {
    private GoPath() {}

    static String clean(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        boolean rooted = path.startsWith("/");
        Deque<String> parts = new ArrayDeque<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!parts.isEmpty() && !parts.peekLast().equals("..")) {
                    parts.removeLast();
                } else if (!rooted) {
                    parts.addLast("..");
                }
                continue;
            }
            parts.addLast(part);
        }
        String joined = String.join("/", parts);
        if (rooted) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }

    static String join(String a, String b) {
        if (a.isEmpty()) {
            return b.isEmpty() ? "" : clean(b);
        }
        return clean(b.isEmpty() ? a : a + "/" + b);
    }

    static boolean isAbsolute(String path) {
        return path.startsWith("/");
    }

    static String base(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        String p = path;
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.equals("/")) {
            return "/";
        }
        return p.substring(p.lastIndexOf('/') + 1);
    }

    static String dir(String path) {
        int slash = path.lastIndexOf('/');
        return clean(path.substring(0, slash + 1));
    }
}
