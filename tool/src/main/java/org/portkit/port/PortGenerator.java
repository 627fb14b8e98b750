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
        if (spec.daemon() == null) {
            throw new PortkitException(Failure.BAD_INPUT, "bad port spec: " + spec.dir().resolve(PortSpec.FILE)
                    + ": no daemon block (a command-line application says kind = app)");
        }
        SortedMap<String, String> files = buildFiles(spec, lock);
        Map<String, Object> model = model(spec, lock);
        files.put("Makefile", render("Makefile", model));
        files.put("pkg/PLIST", plist(spec));
        String daemon = spec.daemon().name();
        files.put("pkg/" + daemon + ".rc", render("rc", model));
        files.put("pkg/README", render("README", model));
        files.put("files/" + daemon + ".sh", render("launcher", model));
        files.put("files/" + daemon + ".in.sh", render("in.sh", model));
        for (String config : spec.daemon().config()) {
            files.put("files/" + config, read(spec.dir().resolve(config)));
        }
        return new GeneratedPort(spec.category() + "/" + spec.name(), files, daemon, unverified(spec, lock));
    }

    /**
     * What every Maven-built port has, whatever it installs: maven.inc and files/m2 (or the deps
     * archive), distinfo, pkg/DESCR. Checks first that the lock was made for this spec.
     */
    static SortedMap<String, String> buildFiles(PortSpec spec, Lock lock) {
        requireCurrent(spec, lock);
        SortedMap<String, String> files = new TreeMap<>();
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
        return files;
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
    static List<String> unverified(PortSpec spec, Lock lock) {
        List<String> names = new ArrayList<>(pinnable(spec).stream().filter(n -> lock.source(n).isEmpty()).toList());
        if (spec.depsArchive() == null) {
            lock.unverified().forEach(u -> names.add(MavenDistfiles.distfile(u)));
        }
        return names;
    }

    private static Map<String, Object> model(PortSpec spec, Lock lock) {
        Map<String, Object> m = buildModel(spec, lock);
        m.put("name", spec.daemon().name());
        m.put("samples", samples(spec).stream().map(f -> Map.of("file", f)).toList());
        m.put("user", spec.daemon().user());
        m.put("id", spec.daemon().id());
        m.put("mainClass", spec.daemon().mainClass());
        m.put("configFile", spec.daemon().config().get(0));
        m.put("javaOptions", String.join(" ", spec.daemon().javaOptions()));
        return m;
    }

    /** The template values of a Maven-built port that do not depend on what it installs. */
    static Map<String, Object> buildModel(PortSpec spec, Lock lock) {
        Map<String, Object> m = new HashMap<>();
        m.put("comment", spec.comment());
        m.put("version", spec.version());
        // Long values go on a continuation line, so that the Makefile stays within 80 columns.
        m.put("hasTuple", spec.source() != null);
        if (spec.source() != null) {
            String[] tuple = spec.source().split(" ");
            m.put("distTupleFolded", fold("DIST_TUPLE =\t", tuple[0] + " " + tuple[1] + " " + tuple[2],
                    tuple[3] + " " + tuple[4]));
        }
        m.put("sourceSite", spec.sourceSite());
        m.put("sourceFile", spec.sourceFile());
        String deps = spec.depsArchive();
        m.put("mavenInc", deps == null);
        m.put("depsSite", spec.depsSite());
        m.put("depsArchive", deps);
        // With a deps archive both are unpacked, the source on the first line when they need two.
        m.put("extractOnlyFolded", deps == null ? fold("EXTRACT_ONLY =\t", "", spec.sourceDistfile())
                : fold("EXTRACT_ONLY =\t", spec.sourceDistfile(), deps));
        m.put("port", spec.name());
        m.put("category", spec.category());
        m.put("homepage", spec.homepage());
        m.put("maintainer", spec.maintainer());
        m.put("license", spec.license());
        LicenseSummary licenses = LicenseSummary.of(lock);
        m.put("licenseComment", licenses.comment());
        m.put("licenseSection", licenses.readmeSection());
        m.put("java", spec.java());
        m.put("jar", spec.jar());
        m.put("mavenArgs", String.join(" ", lock.mavenArgs()));
        // One continuation line per repository keeps the Makefile within 80 columns.
        m.put("mavenFiles", String.join(" \\\n\t", lock.repositories().keySet().stream()
                .map(id -> "${DISTFILES." + MavenDistfiles.suffix(id) + ":C/\\{.*\\}//:S/^maven\\///}").toList()));
        m.put("hasMetadata", !OfflineRepository.metadata(lock).isEmpty());
        List<String> unverified = unverified(spec, lock);
        m.put("unverified", unverified);
        m.put("hasUnverified", !unverified.isEmpty());
        if (deps != null && unverified.contains(deps)) {
            m.put("depsNote", Text.wrap("'portkit lock' makes " + deps + " from a complete closure; then publish it on "
                    + spec.depsSite() + ".", 80).stripTrailing());
        }
        m.put("incomplete", lock.incomplete().stream().map(r -> Text.wrap("Also: " + r + ".", 80)).toList());
        return m;
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
        p.append("@newgroup ").append(user).append(':').append(id).append('\n');
        p.append("@newuser ").append(user).append(':').append(id).append(':').append(id).append("::")
                .append(spec.daemon().comment()).append(":/nonexistent:/sbin/nologin\n");
        p.append("@rcscript ${RCDIR}/").append(name).append('\n');
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
