package org.portkit.port.kind;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.portkit.failure.Failure;
import org.portkit.failure.PortkitException;
import org.portkit.license.LicenseSummary;
import org.portkit.lock.Lock;
import org.portkit.lock.OfflineRepository;
import org.portkit.lock.SourceDistfile;
import org.portkit.port.DistTuple;
import org.portkit.port.Distinfo;
import org.portkit.port.GeneratedPort;
import org.portkit.port.MavenDistfiles;
import org.portkit.port.Templates;
import org.portkit.text.Text;

/**
 * daemon spec + lock → the files of an OpenBSD port, as text by relative path. Pure: no clock, no
 * environment, no traversal order leaks in, so two generations are byte-identical.
 */
public final class DaemonPortGenerator {
    private DaemonPortGenerator() {}

    static GeneratedPort generate(DaemonPort spec, Lock lock) {
        requireCurrent(spec, lock);
        SortedMap<String, String> files = new TreeMap<>();
        Model model = new Model(spec, lock);
        files.put("Makefile", Templates.render("Makefile", model));
        Distinfo distinfo = new Distinfo();
        if (spec.depsArchive() == null) {
            files.put("maven.inc", MavenDistfiles.render(lock));
            MavenDistfiles.distinfo(lock, distinfo);
            // do-build copies these beside the artifacts; a deps archive holds them already.
            OfflineRepository.metadata(lock).forEach((path, xml) -> files.put("files/m2/" + path, xml));
        }
        lock.sources().forEach(s -> distinfo.add(s.name(), s.sha256(), s.size()));
        files.put("distinfo", distinfo.render());
        files.put("pkg/DESCR", Text.wrap(spec.header().descr(), 80));
        files.put("pkg/PLIST", plist(spec));
        String daemon = spec.daemon().name();
        files.put("pkg/" + daemon + ".rc", Templates.render("rc", model));
        // bsd.port.mk installs it as share/examples/login.conf.d/NAME; rc.subr uses the class named after the script.
        files.put("pkg/" + daemon + ".login", Templates.render("login", model));
        files.put("pkg/README", refill(Templates.render("README", model)));
        files.put("files/" + daemon + ".sh", Templates.render("launcher", model));
        files.put("files/" + daemon + ".in.sh", Templates.render("in.sh", model));
        for (String config : spec.daemon().config()) {
            files.put("files/" + config, read(spec.dir().resolve(config)));
        }
        return new GeneratedPort(spec.header().path(), files, daemon, unverified(spec, lock));
    }

    /**
     * A lock made for other Maven arguments, or pinning a distfile the port does not fetch (another
     * source archive or version), cannot make its port.
     */
    private static void requireCurrent(DaemonPort spec, Lock lock) {
        List<String> pinnable = pinnable(spec);
        String foreign = lock.sources().stream().map(SourceDistfile::name).filter(n -> !pinnable.contains(n)).findFirst()
                .orElse(null);
        String stale = !lock.mavenArgs().equals(spec.mavenArgs())
                ? "was made with Maven arguments " + lock.mavenArgs() + ", the spec says " + spec.mavenArgs()
                : foreign != null ? "pins " + foreign + ", the spec names " + String.join(" and ", pinnable) : null;
        if (stale != null) {
            throw new PortkitException(Failure.STALE, spec.header().paths().lock() + " " + stale
                    + ": run 'portkit lock " + spec.dir() + "'");
        }
    }

    /** The distfiles besides the per-artifact ones that a lock pins: the source archive, the deps archive. */
    private static List<String> pinnable(DaemonPort spec) {
        return Stream.of(spec.sourceDistfile(), spec.depsArchive()).filter(Objects::nonNull).toList();
    }

    /** Distfiles without a checksum, named in the README and by generate and check. */
    private static List<String> unverified(DaemonPort spec, Lock lock) {
        List<String> names = new ArrayList<>(pinnable(spec).stream().filter(n -> lock.source(n).isEmpty()).toList());
        if (spec.depsArchive() == null) {
            lock.unverified().forEach(u -> names.add(MavenDistfiles.distfile(u)));
        }
        return names;
    }

    /**
     * What the daemon port's templates (Makefile, rc, README, launcher, in.sh) read: one accessor per
     * template variable, named as the templates name it.
     */
    public record Model(DaemonPort spec, Lock lock, LicenseSummary licenses, List<String> unverified) {
        Model(DaemonPort spec, Lock lock) {
            this(spec, lock, LicenseSummary.of(lock), DaemonPortGenerator.unverified(spec, lock));
        }

        /** A configuration sample installed under share/NAME. */
        public record Sample(String file) {}

        public String comment() {
            return spec.header().comment();
        }

        public String version() {
            return spec.header().version();
        }

        public boolean hasTuple() {
            return spec.source() != null;
        }

        /** DIST_TUPLE, its id and directory on a continuation line where it would not fit in 80 columns. */
        public String distTupleFolded() {
            if (spec.source() == null) {
                return null;
            }
            String[] tuple = spec.source().split(" ");
            return fold("DIST_TUPLE =\t", tuple[0] + " " + tuple[1] + " " + tuple[2], tuple[3] + " " + tuple[4]);
        }

        /** ROACH_URL: the upstream source portroach watches (else it takes the first Maven distfile). */
        public String roachUrlFolded() {
            return spec.source() == null ? null : alone("ROACH_URL =\t", DistTuple.parse(spec.source()).path());
        }

        public String sourceSite() {
            return spec.sourceSite() == null ? null : alone("SITES =\t\t", spec.sourceSite());
        }

        public String sourceFile() {
            return spec.sourceFile() == null ? null : alone("DISTFILES =\t", spec.sourceFile());
        }

        /** DISTNAME of a site source, so that WRKDIST is the directory the archive unpacks into. */
        public String distname() {
            return spec.sourceDir();
        }

        public List<String> runDepends() {
            return spec.runDepends();
        }

        /** An older path of the package in the tree, and the README heading's underline for it. */
        public record Replaced(String path, String rule) {}

        public List<Replaced> replaces() {
            return spec.pkgpaths().stream().map(p -> new Replaced(p, "=".repeat("Updating from ".length() + p.length())))
                    .toList();
        }

        public int openFiles() {
            return spec.daemon().openFiles();
        }

        public List<String> configTable() {
            return DaemonPortGenerator.configTable(spec);
        }

        /** Whether each artifact is a distfile of its own (maven.inc), rather than in a deps archive. */
        public boolean mavenInc() {
            return spec.depsArchive() == null;
        }

        public String depsSite() {
            return spec.depsSite();
        }

        public String depsArchive() {
            return spec.depsArchive();
        }

        /** With a deps archive both are unpacked, the source on the first line when they need two. */
        public String extractOnlyFolded() {
            String deps = spec.depsArchive();
            return deps == null ? fold("EXTRACT_ONLY =\t", "", spec.sourceDistfile())
                    : fold("EXTRACT_ONLY =\t", spec.sourceDistfile(), deps);
        }

        /** The port's name (PKGNAME, share/doc). */
        public String port() {
            return spec.header().name();
        }

        /** The daemon's name (rc.d script, launcher, configuration directory). */
        public String name() {
            return spec.daemon().name();
        }

        public String category() {
            return spec.header().category();
        }

        public String homepage() {
            return spec.header().homepage();
        }

        public String maintainer() {
            return spec.header().maintainer();
        }

        public String license() {
            return spec.header().license();
        }

        public String licenseComment() {
            return licenses.comment();
        }

        public String java() {
            return spec.java();
        }

        public String javaRange() {
            return spec.java().endsWith("+") ? "any JDK from version " + spec.java().replace("+", "") + " on"
                    : "JDK " + spec.java() + " only";
        }

        public String jar() {
            return spec.jar();
        }

        public String mavenArgs() {
            return String.join(" ", lock.mavenArgs());
        }

        public List<Sample> samples() {
            return DaemonPortGenerator.samples(spec).stream().map(Sample::new).toList();
        }

        public String user() {
            return spec.daemon().user();
        }

        public int id() {
            return spec.daemon().id();
        }

        public String mainClass() {
            return spec.daemon().mainClass();
        }

        public String configFile() {
            return spec.daemon().config().get(0);
        }

        public String javaOptions() {
            return String.join(" ", spec.daemon().javaOptions());
        }

        public boolean hasUnverified() {
            return !unverified.isEmpty();
        }

        /**
         * The count of distfiles without a checksum, for the Makefile's porter comment: their names are in
         * the lock's unverified lines and in what 'portkit check' prints (paths too long for portcheck's
         * 80 columns would not fit a comment).
         */
        public String unverifiedNote() {
            int n = unverified.size();
            return commented("Not verified yet: distinfo has no checksum for " + n + (n == 1 ? " distfile" : " distfiles")
                    + ", which could not be fetched where this port was generated, so 'make fetch' refuses"
                    + (n == 1 ? " it" : " them") + "; 'portkit check' names them all. 'portkit lock specs/"
                    + spec.header().path() + "' on a machine that reaches them fetches and hashes them,"
                    + " proves the offline build and regenerates the port.");
        }

        /** Where the deps archive goes once made, while it is unverified; else none. */
        public String depsNote() {
            String deps = spec.depsArchive();
            return deps == null || !unverified.contains(deps) ? null : commented("'portkit lock' makes " + deps
                    + " from a complete closure; then publish it on " + spec.depsSite() + ".");
        }

        public List<String> incomplete() {
            return lock.incomplete().stream().map(r -> commented("Also: " + r + ".")).toList();
        }
    }

    /**
     * The README's prose paragraphs filled to 80 columns, so that the template reads naturally whatever
     * the names put in; headings, the title box and indented blocks stay as written.
     */
    private static String refill(String readme) {
        List<String> blocks = new ArrayList<>();
        for (String block : readme.split("\n\n")) {
            boolean prose = !block.isBlank() && block.lines().noneMatch(l -> l.matches("^[ +|=].*"));
            blocks.add(prose ? Text.wrap(block, 80).stripTrailing() : block.stripTrailing());
        }
        return String.join("\n\n", blocks) + "\n";
    }

    /** {@code text} as Makefile comment lines. */
    private static String commented(String text) {
        return Text.wrap(text, 78).lines().map(l -> "# " + l).collect(Collectors.joining("\n"));
    }

    /** The configuration files in ${SYSCONFDIR}/NAME, each with what it is for, as pkg/README lists them. */
    private static List<String> configTable(DaemonPort spec) {
        List<String> rows = new ArrayList<>();
        String options = String.join(" ", spec.daemon().javaOptions());
        for (String f : samples(spec)) {
            String what = f.equals(spec.daemon().config().get(0)) ? "the daemon's settings: edit this first"
                    : f.equals(spec.daemon().name() + ".in.sh") ? "how java is started: heap, JDK, options"
                    : options.contains("/" + f) ? "read through the java options (JAVA_OPTS)" : "";
            rows.add(("    " + "%-24s".formatted(f) + what).stripTrailing());
        }
        return rows;
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

    /** Configuration samples installed under share/NAME and copied to ${SYSCONFDIR}/NAME. */
    private static List<String> samples(DaemonPort spec) {
        List<String> samples = new ArrayList<>(spec.daemon().config());
        samples.add(spec.daemon().name() + ".in.sh");
        return samples.stream().sorted().toList();
    }

    private static String plist(DaemonPort spec) {
        String name = spec.daemon().name();
        String user = spec.daemon().user();
        int id = spec.daemon().id();
        // The configuration directory and files belong to the daemon's group and are not world-readable.
        String owned = "@mode %s\n@group " + user + "\n@sample ${SYSCONFDIR}/" + name + "/%s\n@mode\n@group\n";
        SortedMap<String, String> entries = new TreeMap<>();
        entries.put("bin/" + name, "");
        entries.put("share/doc/pkg-readmes/${PKGSTEM}", "");
        entries.put("share/java/", "");
        entries.put("share/java/classes/", "");
        entries.put("share/java/classes/" + name + ".jar", "");
        entries.put("share/" + name + "/", owned.formatted("750", ""));
        for (String f : samples(spec)) {
            entries.put("share/" + name + "/" + f + ".sample", owned.formatted("640", f));
        }
        StringBuilder p = new StringBuilder();
        spec.pkgpaths().forEach(old -> p.append("@pkgpath ").append(old).append('\n'));
        p.append("@newgroup ").append(user).append(':').append(id).append('\n');
        p.append("@newuser ").append(user).append(':').append(id).append(':').append(id).append("::")
                .append(spec.daemon().comment()).append(":/nonexistent:/sbin/nologin\n");
        p.append("@rcscript ${RCDIR}/").append(name).append('\n');
        entries.put("share/examples/login.conf.d/" + name, "@sample ${SYSCONFDIR}/login.conf.d/" + name + "\n");
        entries.forEach((path, after) -> p.append(path).append('\n').append(after));
        return p.toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
