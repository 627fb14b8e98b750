package org.portkit.port;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.portkit.text.Text;

/**
 * spec + lock → the files of an OpenBSD port, as text by relative path. Pure: no clock, no
 * environment, no traversal order leaks in, so two generations are byte-identical.
 */
public final class PortGenerator {
    private static final Mustache.Compiler MUSTACHE = Mustache.compiler().withDelims("<% %>").escapeHTML(false)
            .defaultValue("");

    private PortGenerator() {}

    public static GeneratedPort generate(PortSpec spec, Lock lock) {
        requireCurrent(spec, lock);
        SortedMap<String, String> files = new TreeMap<>();
        Map<String, Object> model = model(spec, lock);
        files.put("Makefile", render("Makefile", model));
        Distinfo distinfo = new Distinfo();
        if (spec.depsArchive() == null) {
            files.put("maven.inc", MavenDistfiles.render(lock));
            MavenDistfiles.distinfo(lock, distinfo);
            // do-build copies these beside the artifacts; a deps archive holds them already.
            OfflineRepository.metadata(lock).forEach((path, xml) -> files.put("files/m2/" + path, xml));
        }
        lock.sources().forEach(s -> distinfo.add(s.name(), s.sha256(), s.size()));
        files.put("distinfo", distinfo.render());
        files.put("pkg/DESCR", Text.wrap(spec.descr(), 80));
        files.put("pkg/PLIST", plist(spec));
        String daemon = spec.daemon().name();
        files.put("pkg/" + daemon + ".rc", render("rc", model));
        // bsd.port.mk installs it as share/examples/login.conf.d/NAME; rc.subr uses the class named after the script.
        files.put("pkg/" + daemon + ".login", render("login", model));
        files.put("pkg/README", refill(render("README", model)));
        files.put("files/" + daemon + ".sh", render("launcher", model));
        files.put("files/" + daemon + ".in.sh", render("in.sh", model));
        for (String config : spec.daemon().config()) {
            files.put("files/" + config, read(spec.dir().resolve(config)));
        }
        return new GeneratedPort(spec.category() + "/" + spec.name(), files, daemon, unverified(spec, lock));
    }

    /**
     * A lock made for other Maven arguments, or pinning a distfile the port does not fetch (another
     * source archive or version), cannot make its port.
     */
    private static void requireCurrent(PortSpec spec, Lock lock) {
        List<String> pinnable = pinnable(spec);
        String foreign = lock.sources().stream().map(SourceDistfile::name).filter(n -> !pinnable.contains(n)).findFirst()
                .orElse(null);
        String stale = !lock.mavenArgs().equals(spec.mavenArgs())
                ? "was made with Maven arguments " + lock.mavenArgs() + ", the spec says " + spec.mavenArgs()
                : foreign != null ? "pins " + foreign + ", the spec names " + String.join(" and ", pinnable) : null;
        if (stale != null) {
            throw new PortkitException(Failure.STALE, spec.dir().resolve(PortSpec.LOCK) + " " + stale
                    + ": run 'portkit lock " + spec.dir() + "'");
        }
    }

    /** The distfiles besides the per-artifact ones that a lock pins: the source archive, the deps archive. */
    private static List<String> pinnable(PortSpec spec) {
        return Stream.of(spec.sourceDistfile(), spec.depsArchive()).filter(Objects::nonNull).toList();
    }

    /** Distfiles without a checksum, named in the README and by generate and check. */
    private static List<String> unverified(PortSpec spec, Lock lock) {
        List<String> names = new ArrayList<>(pinnable(spec).stream().filter(n -> lock.source(n).isEmpty()).toList());
        if (spec.depsArchive() == null) {
            lock.unverified().forEach(u -> names.add(MavenDistfiles.distfile(u)));
        }
        return names;
    }

    private static Map<String, Object> model(PortSpec spec, Lock lock) {
        Map<String, Object> m = new HashMap<>();
        m.put("comment", spec.comment());
        m.put("version", spec.version());
        // Long values go on a continuation line, so that the Makefile stays within 80 columns.
        m.put("hasTuple", spec.source() != null);
        if (spec.source() != null) {
            String[] tuple = spec.source().split(" ");
            m.put("distTupleFolded", fold("DIST_TUPLE =\t", tuple[0] + " " + tuple[1] + " " + tuple[2],
                    tuple[3] + " " + tuple[4]));
            m.put("roachUrlFolded", alone("ROACH_URL =\t", DistTuple.parse(spec.source()).path()));
        }
        m.put("distname", spec.sourceDir());
        m.put("runDepends", spec.runDepends());
        m.put("replaces", spec.pkgpaths().stream().map(p -> Map.of("path", p,
                "rule", "=".repeat("Updating from ".length() + p.length()))).toList());
        m.put("openFiles", spec.daemon().openFiles());
        m.put("configTable", configTable(spec));
        m.put("sourceSite", spec.sourceSite() == null ? null : alone("SITES =\t\t", spec.sourceSite()));
        m.put("sourceFile", spec.sourceFile() == null ? null : alone("DISTFILES =\t", spec.sourceFile()));
        String deps = spec.depsArchive();
        m.put("mavenInc", deps == null);
        m.put("depsSite", spec.depsSite());
        m.put("depsArchive", deps);
        // With a deps archive both are unpacked, the source on the first line when they need two.
        m.put("extractOnlyFolded", deps == null ? fold("EXTRACT_ONLY =\t", "", spec.sourceDistfile())
                : fold("EXTRACT_ONLY =\t", spec.sourceDistfile(), deps));
        m.put("port", spec.name());
        m.put("name", spec.daemon().name());
        m.put("category", spec.category());
        m.put("homepage", spec.homepage());
        m.put("maintainer", spec.maintainer());
        m.put("license", spec.license());
        LicenseSummary licenses = LicenseSummary.of(lock);
        m.put("licenseComment", licenses.comment());
        m.put("java", spec.java());
        m.put("javaRange", spec.java().endsWith("+") ? "any JDK from version " + spec.java().replace("+", "") + " on"
                : "JDK " + spec.java() + " only");
        m.put("jar", spec.jar());
        m.put("mavenArgs", String.join(" ", lock.mavenArgs()));
        m.put("samples", samples(spec).stream().map(f -> Map.of("file", f)).toList());
        m.put("user", spec.daemon().user());
        m.put("id", spec.daemon().id());
        m.put("mainClass", spec.daemon().mainClass());
        m.put("configFile", spec.daemon().config().get(0));
        m.put("javaOptions", String.join(" ", spec.daemon().javaOptions()));
        List<String> unverified = unverified(spec, lock);
        m.put("unverified", unverified);
        m.put("hasUnverified", !unverified.isEmpty());
        // The names are in the lock's unverified lines and in what 'portkit check' prints: paths too long for
        // portcheck's 80 columns would not fit a comment.
        m.put("unverifiedNote", comment("Not verified yet: distinfo has no checksum for " + unverified.size()
                + (unverified.size() == 1 ? " distfile" : " distfiles") + ", which could not be fetched where this port was generated, so 'make fetch' refuses"
                + (unverified.size() == 1 ? " it" : " them") + "; 'portkit check' names them all. 'portkit lock specs/"
                + spec.category() + "/" + spec.name() + "' on a machine that reaches them fetches and hashes them,"
                + " proves the offline build and regenerates the port."));
        if (deps != null && unverified.contains(deps)) {
            m.put("depsNote", comment("'portkit lock' makes " + deps + " from a complete closure; then publish it on "
                    + spec.depsSite() + "."));
        }
        m.put("incomplete", lock.incomplete().stream().map(r -> comment("Also: " + r + ".")).toList());
        return m;
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
    private static String comment(String text) {
        return Text.wrap(text, 78).lines().map(l -> "# " + l).collect(Collectors.joining("\n"));
    }

    /** The configuration files in ${SYSCONFDIR}/NAME, each with what it is for, as pkg/README lists them. */
    private static List<String> configTable(PortSpec spec) {
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
    private static List<String> samples(PortSpec spec) {
        List<String> samples = new ArrayList<>(spec.daemon().config());
        samples.add(spec.daemon().name() + ".in.sh");
        return samples.stream().sorted().toList();
    }

    private static String plist(PortSpec spec) {
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
        entries.put(PlistText.installedFromPkg("pkg/" + name + ".login"),
                "@sample ${SYSCONFDIR}/login.conf.d/" + name + "\n");
        entries.forEach((path, after) -> p.append(path).append('\n').append(after));
        return p.toString();
    }

    static String render(String template, Map<String, Object> model) {
        String resource = template + ".mustache";
        try (InputStream in = PortGenerator.class.getResourceAsStream(resource)) {
            Template t = MUSTACHE.compile(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return t.execute(model);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("template " + resource + " missing from portkit's jar", e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
