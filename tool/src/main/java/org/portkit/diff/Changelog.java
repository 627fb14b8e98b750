package org.portkit.diff;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.portkit.diff.LockDiff.ArtifactChange;
import org.portkit.diff.LockDiff.Kind;
import org.portkit.diff.LockDiff.Side;

/**
 * Lock differences as the changelog a reviewer pastes into a mail to ports@: plain text (whose own
 * words and arrows are ASCII, so no mail client mangles them) or Markdown. Pure: the same diffs give
 * the same text.
 */
public final class Changelog {
    private Changelog() {}

    /** One port's lock compared; a lock on one side only is compared with {@link LockDiff#NONE}. */
    public record Port(String name, LockDiff diff) {}

    /** Each port's block, in the order given, separated by a blank line. */
    public static String render(List<Port> ports, boolean markdown) {
        return ports.stream().map(p -> {
            StringBuilder block = new StringBuilder();
            new Writer(block, markdown).port(p);
            return block.toString();
        }).collect(Collectors.joining("\n"));
    }

    private record Writer(StringBuilder out, boolean markdown) {
        void port(Port p) {
            LockDiff d = p.diff();
            String name = p.name() + (d.before().maven().isEmpty() ? " (new lock)" : d.after().maven().isEmpty() ? " (lock removed)" : "");
            if (d.isEmpty()) {
                line(markdown ? "### " + name + "\n\nNo changes: " + size(d.after()) : name + ": no changes (" + size(d.after()) + ")");
                return;
            }
            line(markdown ? "### " + name + "\n" : name);
            fact("Download", size(d.before()) + " -> " + size(d.after()));
            if (d.before().unverified() != d.after().unverified()) {
                fact("Unverified files", d.before().unverified() + " -> " + d.after().unverified());
            }
            if (!d.before().maven().equals(d.after().maven())) {
                fact("Maven", or(d.before().maven()) + " -> " + or(d.after().maven()));
            }
            if (!d.before().args().equals(d.after().args())) {
                fact("Arguments", or(String.join(" ", d.before().args())) + " -> " + or(String.join(" ", d.after().args())));
            }
            for (Kind kind : Kind.values()) {
                List<ArtifactChange> changes = d.artifacts().stream().filter(c -> c.kind() == kind).toList();
                section(switch (kind) {
                    case ADDED -> "Added";
                    case REMOVED -> "Removed";
                    case VERSIONS -> "Versions changed";
                    case CHANGED -> "Changed in place";
                }, changes.stream().map(this::artifact).toList());
            }
            section("Distfiles", d.distfiles());
            section("Licenses changed",
                    d.licenses().stream().map(l -> code(l.artifact()) + " " + l.before() + " -> " + l.after()).toList());
            section("Repositories added", d.repositoriesAdded().stream().map(this::repository).toList());
            section("Repositories dropped", d.repositoriesDropped().stream().map(this::repository).toList());
        }

        /** The artifact's line, then (indented) what changed within versions both sides have. */
        private String artifact(ArtifactChange c) {
            String versions = switch (c.kind()) {
                case ADDED -> versions(c.after()) + " (" + String.join(", ", c.files()) + ")";
                case REMOVED -> versions(c.before()) + " (" + String.join(", ", c.files()) + ")";
                case VERSIONS -> versions(c.before()) + " -> " + versions(c.after());
                case CHANGED -> versions(c.after());
            };
            StringBuilder s = new StringBuilder(code(c.artifact())).append(versions.isEmpty() ? "" : " " + versions);
            if (c.kind() == Kind.VERSIONS || c.kind() == Kind.CHANGED) {
                c.files().forEach(f -> s.append('\n').append(markdown ? "  - " : "      ").append(f));
            }
            return s.toString();
        }

        private String repository(String idAndUrl) {
            int sp = idAndUrl.indexOf(' ');
            return code(idAndUrl.substring(0, sp)) + idAndUrl.substring(sp);
        }

        private void fact(String label, String value) {
            line((markdown ? "- " : "  ") + label + ": " + value);
        }

        private void section(String title, Collection<String> items) {
            if (items.isEmpty()) {
                return;
            }
            line(markdown ? "\n**" + title + " (" + items.size() + ")**\n" : "  " + title + " (" + items.size() + "):");
            items.forEach(i -> line((markdown ? "- " : "    ") + i));
        }

        private String code(String s) {
            return markdown ? "`" + s + "`" : s;
        }

        private void line(String s) {
            out.append(s).append('\n');
        }
    }

    private static String versions(List<String> versions) {
        return String.join(", ", versions);
    }

    private static String or(String value) {
        return value.isEmpty() ? "(none)" : value;
    }

    /** Files and download size, in MB (10^6 bytes) with one decimal and in bytes; the same in every locale. */
    static String size(Side s) {
        return String.format(Locale.ROOT, "%d %s, %.1f MB (%d bytes)", s.files(), s.files() == 1 ? "file" : "files",
                s.bytes() / 1e6, s.bytes());
    }
}
