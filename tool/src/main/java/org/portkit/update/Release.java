package org.portkit.update;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.portkit.failure.Failure;
import org.portkit.failure.PortkitException;
import org.portkit.port.kind.MavenBuild;
import org.portkit.port.kind.MavenPort;
import org.portkit.port.kind.PortSpec;

/**
 * A new upstream release as {@code portkit update PORT ARG [--version V]} names it: the spec's
 * {@code update} templates filled in with the argument and the new version. Pure.
 *
 * @param version the port's new version
 * @param values the new text of each spec value that changes, by path ({@code version},
 *     {@code source.dist-tuple}, {@code source.site}, {@code source.file}), in that order
 */
public record Release(String version, Map<String, String> values) {
    /** What may go into a version, a tag, a file name and a URL alike. */
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]*");
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");

    public static Release of(PortSpec port, String arg, String givenVersion) {
        String file = port.header().paths().file().toString();
        if (!(port instanceof MavenPort built) || built.build().update() == null) {
            throw new PortkitException(Failure.BAD_INPUT, file + " has no update { } block saying how a release"
                    + " maps to the version and the source (see README, 'Updates')");
        }
        MavenBuild spec = built.build();
        MavenBuild.Update templates = spec.update();
        requireWord(arg, "the release");
        String version;
        if (templates.version() != null) {
            if (givenVersion != null) {
                throw new PortkitException(Failure.USAGE, "the version follows from the release (" + file
                        + ": update.version = \"" + templates.version() + "\"): drop --version");
            }
            version = templates.version().replace("{arg}", arg);
        } else if (givenVersion == null) {
            throw new PortkitException(Failure.USAGE, "a release '" + arg + "' does not say the version (" + file
                    + " has no update.version): give it with --version");
        } else {
            version = givenVersion;
        }
        requireWord(version, "the version");

        Map<String, String> next = new LinkedHashMap<>();
        next.put("version", version);
        if (spec.source() != null) {
            String[] tuple = spec.source().split(" ");
            String id = fill(templates.id(), arg, version);
            // bsd.port.mk fetches a 40-hex id as a commit and anything else as a tag.
            if (COMMIT.matcher(tuple[3]).matches() && !COMMIT.matcher(id).matches()) {
                throw new PortkitException(Failure.USAGE, spec.header().path()
                        + " is pinned by a commit: give the full 40-hex commit id, not '" + id + "'");
            }
            tuple[3] = id;
            next.put("source.dist-tuple", String.join(" ", tuple));
        } else {
            if (templates.site() != null) {
                next.put("source.site", fill(templates.site(), arg, version));
            }
            if (templates.file() != null) {
                next.put("source.file", fill(templates.file(), arg, version));
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        next.forEach((path, value) -> {
            if (!value.equals(current(spec, path))) {
                values.put(path, value);
            }
        });
        if (values.isEmpty()) {
            throw new PortkitException(Failure.BAD_INPUT, spec.header().path() + " is already at "
                    + version + " (" + spec.sourceDistfile() + "): 'portkit lock' locks it again");
        }
        return new Release(version, values);
    }

    private static String fill(String template, String arg, String version) {
        return template.replace("{arg}", arg).replace("{version}", version);
    }

    private static String current(MavenBuild spec, String path) {
        return switch (path) {
            case "version" -> spec.header().version();
            case "source.dist-tuple" -> spec.source();
            case "source.site" -> spec.sourceSite();
            case "source.file" -> spec.sourceFile();
            default -> throw new IllegalArgumentException(path);
        };
    }

    private static void requireWord(String value, String what) {
        if (!WORD.matcher(value).matches()) {
            throw new PortkitException(Failure.USAGE, what + " '" + value
                    + "' is not one word of letters, digits and . _ + - (it goes into a version, a file name and a URL)");
        }
    }
}
