package io.netform.config;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A module call's {@code source}, read as Terraform reads it: a local path starts with {@code ./} or
 * {@code ../}; a git repository is {@code git::URL} (https, ssh, file or {@code user@host:path}),
 * {@code github.com/OWNER/REPO} or {@code git@host:path}, with an optional {@code //subdir} and
 * {@code ?ref=} (a tag, branch or commit) and {@code ?depth=}; an absolute path is a directory that
 * {@code init} links in, as go-getter does. Registry addresses and go-getter's other getters are
 * rejected with what to use instead.
 */
sealed interface ModuleSource permits ModuleSource.Local, ModuleSource.Git, ModuleSource.Directory {

    /** A path relative to the calling module's directory, in the same package. */
    record Local(String path) implements ModuleSource {}

    /** A git repository, cloned by {@code init}; {@code ref} and {@code depth} may be null. */
    record Git(String url, String ref, Integer depth, String subdir) implements ModuleSource {}

    /** An absolute directory path, which Terraform installs as a remote package. */
    record Directory(String path, String subdir) implements ModuleSource {}

    /** Why a source cannot be used: the diagnostic's summary and detail. */
    final class Invalid extends Exception {
        private final String summary;

        Invalid(String summary, String detail) {
            super(detail, null, false, false);
            this.summary = summary;
        }

        String summary() {
            return summary;
        }
    }

    Pattern FORCED = Pattern.compile("^([A-Za-z0-9]+)::(.+)$");
    Pattern SCP = Pattern.compile("^([A-Za-z0-9._-]+@[A-Za-z0-9.-]+):(.+)$");
    Pattern REGISTRY_NAME = Pattern.compile("^[0-9A-Za-z](?:[0-9A-Za-z-_]{0,62}[0-9A-Za-z])?$");
    Pattern REGISTRY_SYSTEM = Pattern.compile("^[0-9a-z]{1,64}$");
    String ONLY = "Netform installs modules from local directories (\"./\" or \"../\" paths) and git repositories "
            + "(\"git::https://host/repo.git//subdir?ref=v1.2.0\") only";

    /** Whether {@code init} must fetch the module before it can be loaded. */
    default boolean installed() {
        return !(this instanceof Local);
    }

    /** The source {@code raw} as written in a module block. */
    static ModuleSource parse(String raw) throws Invalid {
        if (raw.startsWith("./") || raw.startsWith("../") || raw.startsWith(".\\") || raw.startsWith("..\\")) {
            return new Local(raw.replace('\\', '/'));
        }
        String[] split = splitSubdir(raw);
        String pkg = split[0];
        String subdir = split[1];
        if (subdir.startsWith("../") || subdir.equals("..")) {
            throw new Invalid(
                    "Invalid module source address",
                    "The subdirectory path \"" + subdir + "\" of \"" + raw + "\" leads outside of the module package.");
        }
        Matcher forced = FORCED.matcher(pkg);
        if (forced.matches()) {
            if (!forced.group(1).equals("git")) {
                throw new Invalid(
                        "Unsupported module source",
                        ONLY + "; \"" + forced.group(1) + "::\" sources such " + "as \"" + raw
                                + "\" are not supported.");
            }
            return git(forced.group(2), subdir, raw);
        }
        if (raw.startsWith("/")) {
            return new Directory(pkg, subdir);
        }
        if (isRegistry(pkg)) {
            throw new Invalid(
                    "Module registry sources are not supported",
                    ONLY + ": \"" + raw + "\" is a module "
                            + "registry address, and Netform does not use module registries. Use the module's git repository "
                            + "with the version as its ref instead, for example source = \"" + registryHint(pkg)
                            + "\".");
        }
        if (pkg.startsWith("github.com/")) {
            String[] parts = pkg.split("\\?", 2)[0].split("/");
            if (parts.length < 3) {
                throw new Invalid(
                        "Invalid module source address",
                        "A GitHub source must be github.com/OWNER/REPO, " + "not \"" + raw + "\".");
            }
            String repo = parts[2].endsWith(".git") ? parts[2] : parts[2] + ".git";
            String query = pkg.contains("?") ? "?" + pkg.split("\\?", 2)[1] : "";
            String more = parts.length > 3 ? String.join("/", Arrays.copyOfRange(parts, 3, parts.length)) : "";
            return git(
                    "https://github.com/" + parts[1] + "/" + repo + query,
                    more.isEmpty() ? subdir : subdir.isEmpty() ? more : more + "/" + subdir,
                    raw);
        }
        if (SCP.matcher(pkg).matches()) {
            return git(pkg, subdir, raw);
        }
        String first = pkg.split("[/?]", 2)[0];
        if (pkg.contains("://") || first.contains(".")) {
            throw new Invalid(
                    "Unsupported module source",
                    ONLY + "; \"" + raw + "\" would be fetched over HTTP, "
                            + "from an archive or another kind of repository, which is not supported. For a git repository "
                            + "over HTTPS, write \"git::https://...\".");
        }
        throw new Invalid(
                "Module not found",
                "The module address \"" + raw + "\" could not be resolved. If you "
                        + "intended this as a path relative to the current module, use \"./" + raw
                        + "\" instead. The \"./\" "
                        + "prefix indicates that the address is a relative filesystem path.");
    }

    /** Splits go-getter's {@code //subdir} off a package address; the query stays with the package. */
    private static String[] splitSubdir(String raw) {
        int schemeEnd = raw.indexOf("://");
        int from = schemeEnd < 0 ? 0 : schemeEnd + 3;
        int slashes = raw.indexOf("//", from);
        if (slashes < 0) {
            return new String[] {raw, ""};
        }
        String pkg = raw.substring(0, slashes);
        String rest = raw.substring(slashes + 2);
        int query = rest.indexOf('?');
        if (query >= 0) {
            pkg += rest.substring(query);
            rest = rest.substring(0, query);
        }
        return new String[] {
            pkg,
            Path.of(rest.isEmpty() ? "." : rest)
                    .normalize()
                    .toString()
                    .replace("\\", "/")
                    .replaceFirst("^\\.$", "")
        };
    }

    private static Git git(String url, String subdir, String raw) throws Invalid {
        String ref = null;
        Integer depth = null;
        int q = url.indexOf('?');
        String base = q < 0 ? url : url.substring(0, q);
        if (q >= 0) {
            for (String pair : url.substring(q + 1).split("&")) {
                String[] kv = pair.split("=", 2);
                String key = URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
                String value = kv.length < 2 ? "" : URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
                switch (key) {
                    case "ref" -> ref = value;
                    case "depth" -> depth = depth(value, raw);
                    default ->
                        throw new Invalid(
                                "Unsupported module source",
                                "The git source \"" + raw + "\" sets "
                                        + "\"" + key
                                        + "\", which Netform does not support; a git source may set only ref and "
                                        + "depth.");
                }
            }
        }
        boolean known = base.startsWith("https://")
                || base.startsWith("http://")
                || base.startsWith("ssh://")
                || base.startsWith("file://")
                || base.startsWith("git://")
                || SCP.matcher(base).matches();
        if (!known) {
            throw new Invalid(
                    "Invalid module source address",
                    "The git source \"" + raw + "\" needs a URL: " + "https://, ssh://, file:// or user@host:path.");
        }
        if (ref != null && ref.startsWith("-")) {
            throw new Invalid(
                    "Invalid module source address",
                    "The ref of \"" + raw + "\" must name a tag, branch "
                            + "or commit, which cannot start with \"-\".");
        }
        return new Git(base, ref == null || ref.isEmpty() ? null : ref, depth, subdir);
    }

    private static Integer depth(String value, String raw) throws Invalid {
        try {
            int depth = Integer.parseInt(value);
            if (depth > 0) {
                return depth;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new Invalid("Invalid module source address", "The depth of \"" + raw + "\" must be a positive number.");
    }

    private static boolean isRegistry(String pkg) {
        String[] parts = pkg.split("/", -1);
        if (parts.length == 4) {
            if (!parts[0].contains(".") || parts[0].equals("github.com") || parts[0].equals("bitbucket.org")) {
                return false;
            }
            parts = Arrays.copyOfRange(parts, 1, 4);
        }
        return parts.length == 3
                && REGISTRY_NAME.matcher(parts[0]).matches()
                && REGISTRY_NAME.matcher(parts[1]).matches()
                && REGISTRY_SYSTEM.matcher(parts[2]).matches();
    }

    private static String registryHint(String pkg) {
        String[] parts = pkg.split("/");
        if (parts.length == 3) {
            return "git::https://github.com/" + parts[0] + "/terraform-" + parts[2] + "-" + parts[1]
                    + ".git?ref=v1.0.0";
        }
        return "git::https://HOST/REPO.git?ref=v1.0.0";
    }
}
