package org.portkit.port.kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.portkit.failure.Failure;
import org.portkit.failure.PortkitException;
import org.portkit.lock.Lock;
import org.portkit.lock.OfflineRepository;
import org.portkit.lock.SourceDistfile;
import org.portkit.port.Distinfo;
import org.portkit.port.Header;
import org.portkit.port.MavenDistfiles;
import org.portkit.text.Text;

/**
 * The files every Maven-built port has, whatever it installs: maven.inc and files/m2 (or the deps
 * archive), distinfo, pkg/DESCR; and the few rules of layout their templates share. Pure.
 */
final class BuildFiles {
    private BuildFiles() {}

    /** maven.inc, files/m2, distinfo and pkg/DESCR, once the lock is known to be this build's. */
    static SortedMap<String, String> of(MavenBuild build, Lock lock) {
        requireCurrent(build, lock);
        SortedMap<String, String> files = new TreeMap<>();
        Distinfo distinfo = new Distinfo();
        if (build.depsArchive() == null) {
            files.put("maven.inc", MavenDistfiles.render(lock));
            MavenDistfiles.distinfo(lock, distinfo);
            // do-build copies these beside the artifacts; a deps archive holds them already.
            OfflineRepository.metadata(lock).forEach((path, xml) -> files.put("files/m2/" + path, xml));
        }
        lock.sources().forEach(s -> distinfo.add(s.name(), s.sha256(), s.size()));
        files.put("distinfo", distinfo.render());
        files.put("pkg/DESCR", Text.wrap(build.header().descr(), 80));
        return files;
    }

    /**
     * A lock made for other Maven arguments, or pinning a distfile the port does not fetch (another
     * source archive or version), cannot make its port.
     */
    private static void requireCurrent(MavenBuild build, Lock lock) {
        List<String> pinnable = pinnable(build);
        String foreign = lock.sources().stream().map(SourceDistfile::name).filter(n -> !pinnable.contains(n)).findFirst()
                .orElse(null);
        String stale = !lock.mavenArgs().equals(build.mavenArgs())
                ? "was made with Maven arguments " + lock.mavenArgs() + ", the spec says " + build.mavenArgs()
                : foreign != null ? "pins " + foreign + ", the spec names " + String.join(" and ", pinnable) : null;
        if (stale != null) {
            throw new PortkitException(Failure.STALE, build.header().paths().lock() + " " + stale
                    + ": run 'portkit lock " + build.dir() + "'");
        }
    }

    /** The distfiles besides the per-artifact ones that a lock pins: the source archive, the deps archive. */
    private static List<String> pinnable(MavenBuild build) {
        return Stream.of(build.sourceDistfile(), build.depsArchive()).filter(Objects::nonNull).toList();
    }

    /** Distfiles without a checksum, named by generate and check and counted in the Makefile. */
    static List<String> unverified(MavenBuild build, Lock lock) {
        List<String> names = new ArrayList<>(pinnable(build).stream().filter(n -> lock.source(n).isEmpty()).toList());
        if (build.depsArchive() == null) {
            lock.unverified().forEach(u -> names.add(MavenDistfiles.distfile(u)));
        }
        return names;
    }

    /**
     * A README's prose paragraphs filled to 80 columns, so that the template reads naturally whatever
     * the names put in; headings, the title box and indented blocks stay as written.
     */
    static String refill(String readme) {
        List<String> blocks = new ArrayList<>();
        for (String block : readme.split("\n\n")) {
            boolean prose = !block.isBlank() && block.lines().noneMatch(l -> l.matches("^[ +|=].*"));
            blocks.add(prose ? Text.wrap(block, 80).stripTrailing() : block.stripTrailing());
        }
        return String.join("\n\n", blocks) + "\n";
    }

    /** {@code text} as Makefile comment lines. */
    /**
     * The Makefile's porter comment on distfiles without a checksum, for every kind of port: the
     * count only, their names being in the lock's unverified lines and in what 'portkit check' prints.
     */
    static String unverifiedNote(int n, String specPath, boolean offlineBuild) {
        return commented("Not verified yet: distinfo has no checksum for " + n + (n == 1 ? " distfile" : " distfiles")
                + ", which could not be fetched where this port was generated, so 'make fetch' refuses"
                + (n == 1 ? " it" : " them") + "; 'portkit check' names them all. 'portkit lock specs/"
                + specPath + "' on a machine that reaches them fetches and hashes them"
                + (offlineBuild ? ", proves the offline build" : "") + " and regenerates the port.");
    }

    /**
     * The Makefile's comment on the port's own license, {@code then} continuing it: the spec's SPDX
     * expression, or, where the source declares none, that it does not and so the package may not be
     * distributed (see {@link #permitPackage}).
     */
    static String licenseHead(Header header, String then) {
        return commented(header.licenseDeclared() ? header.license() + then
                : "No license: the source declares none (no LICENSE file, no <licenses> in its POMs), so the package"
                        + " may not be distributed until it does" + then);
    }

    /** PERMIT_PACKAGE: Yes for a declared license; the reason otherwise, as the tree writes it. */
    static String permitPackage(Header header) {
        return header.licenseDeclared() ? "Yes" : "no license declared";
    }

    static String commented(String text) {
        return Text.wrap(text, 78).lines().map(l -> "# " + l).collect(Collectors.joining("\n"));
    }

    /**
     * One word as the value of {@code assignment} within portcheck's rule (no line over 80 columns
     * that holds whitespace): on the same line, else on a continuation line indented by a tab, else
     * on a continuation line of its own with no indent (a URL longer than any line).
     */
    static String alone(String assignment, String word) {
        return assignment.length() + word.length() <= 80 ? word
                : 1 + word.length() <= 80 ? "\\\n\t" + word : "\\\n" + word;
    }

    /** {@code head tail} when the assignment fits in 80 columns, else {@code head \}, then tail on its own line. */
    static String fold(String assignment, String head, String tail) {
        String oneLine = head.isEmpty() ? tail : head + " " + tail;
        if (assignment.length() + oneLine.length() <= 80) {
            return oneLine;
        }
        return (head.isEmpty() ? "" : head + " ") + "\\\n\t\t" + tail;
    }
}
