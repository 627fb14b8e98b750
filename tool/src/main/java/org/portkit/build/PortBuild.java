package org.portkit.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.portkit.failure.Failure;
import org.portkit.failure.PortkitException;
import org.portkit.io.Archives;
import org.portkit.io.AtomicFiles;
import org.portkit.io.Download;
import org.portkit.io.Hashing;
import org.portkit.maven.MavenDistribution;
import org.portkit.maven.MavenRun;
import org.portkit.port.MakefileText;
import org.portkit.port.PlistText;
import org.portkit.port.PortTree;

/**
 * Runs a generated port's own steps here, the way the ports tree would: fetch every distfile into
 * a distfiles directory while checking distinfo, extract the source, lay the Maven artifacts out
 * as {@code ${WRKDIR}/m2} (or unpack the deps archive there), build with Maven offline with the
 * Makefile's arguments, install into a fake root as do-install says, and compare that root with
 * pkg/PLIST.
 */
public final class PortBuild {
    /** {@code NAME{PATH}} (fetched as PATH, stored as NAME) or just NAME, as bsd.port.mk reads DISTFILES. */
    private static final Pattern DISTFILE = Pattern.compile("^([^{]+)(?:\\{([^}]*)\\})?$");
    private static final Pattern DISTINFO = Pattern.compile("^(SHA256|SIZE) \\((.+)\\) = (.+)$");

    /** A distfile: its local name, and where to fetch it. */
    public record Distfile(String name, String url) {}

    private final Path port;
    private final SortedMap<String, String> files;
    private final Map<String, List<String>> makefile;

    public PortBuild(Path port) throws IOException {
        this.port = port;
        this.files = PortTree.read(port);
        if (!files.containsKey("Makefile")) {
            throw new PortkitException(Failure.BAD_INPUT, "no Makefile in " + port);
        }
        Map<String, List<String>> vars = new TreeMap<>(MakefileText.assignments(files.get("Makefile")));
        vars.putAll(MakefileText.assignments(files.getOrDefault("maven.inc", "")));
        this.makefile = vars;
    }

    /** Every distfile the port fetches: the source archive, and each Maven artifact or the deps archive. */
    public List<Distfile> distfiles() {
        List<Distfile> out = new ArrayList<>();
        String site = MakefileText.value(makefile, "SITES");
        String source = MakefileText.value(makefile, "DISTFILES");
        if (site == null || source == null) {
            throw new PortkitException(Failure.BAD_INPUT, port + ": builds here need the source on SITES/DISTFILES"
                    + " (a DIST_TUPLE source is fetched from GitHub, which this machine may not reach)");
        }
        out.add(new Distfile(source, site + source));
        makefile.forEach((var, values) -> {
            if (var.startsWith("DISTFILES.")) {
                String sites = MakefileText.value(makefile, "SITES." + var.substring("DISTFILES.".length()));
                for (String entry : values) {
                    Matcher m = DISTFILE.matcher(entry);
                    if (!m.matches() || sites == null) {
                        throw new PortkitException(Failure.BAD_INPUT, port + ": cannot read " + var + " " + entry);
                    }
                    out.add(new Distfile(m.group(1), sites + (m.group(2) != null ? m.group(2) : m.group(1))));
                }
            }
        });
        return out;
    }

    /** distinfo as name to {hex SHA-256, size}. */
    Map<String, String[]> distinfo() {
        Map<String, String[]> out = new TreeMap<>();
        for (String line : files.getOrDefault("distinfo", "").lines().toList()) {
            Matcher m = DISTINFO.matcher(line);
            if (m.matches()) {
                String[] entry = out.computeIfAbsent(m.group(2), k -> new String[2]);
                if (m.group(1).equals("SHA256")) {
                    entry[0] = HexFormat.of().formatHex(Base64.getDecoder().decode(m.group(3)));
                } else {
                    entry[1] = m.group(3);
                }
            }
        }
        return out;
    }

    /** fetch: every distfile present in {@code distdir} and matching distinfo, or a failure naming it. */
    public void fetch(Path distdir, Report report) throws IOException {
        Map<String, String[]> sums = distinfo();
        int fetched = 0;
        List<Distfile> all = distfiles();
        for (Distfile d : all) {
            String[] sum = sums.get(d.name());
            if (sum == null || sum[0] == null || sum[1] == null) {
                throw new PortkitException(Failure.BAD_INPUT, "fetch: " + d.name() + " has no checksum in distinfo:"
                        + " this port is not verified yet");
            }
            Path file = distdir.resolve(d.name()).normalize();
            if (!file.startsWith(distdir.normalize())) {
                throw new PortkitException(Failure.BAD_INPUT, "fetch: distfile name escapes DISTDIR: " + d.name());
            }
            if (!Files.isRegularFile(file)) {
                Download.to(d.url(), file, "fetch");
                fetched++;
            }
            verify(d.name(), file, sum);
        }
        report.step("fetch", all.size() + " distfiles checked against distinfo, " + fetched + " downloaded");
    }

    private static void verify(String name, Path file, String[] sum) throws IOException {
        String sha = Hashing.sha256(file);
        long size = Files.size(file);
        if (!sha.equals(sum[0]) || size != Long.parseLong(sum[1])) {
            throw new PortkitException(Failure.CHECKSUM, "checksum: " + name + " (" + file + ") does not match distinfo:"
                    + " SHA-256 " + sha + ", " + size + " bytes. Delete it only if you know why it changed.");
        }
    }

    /** extract, lay out m2, build offline, fake install, compare with the PLIST. */
    public void build(Path distdir, Path wrkdir, MavenDistribution maven, Path javaHome, Report report)
            throws IOException {
        AtomicFiles.deleteTree(wrkdir);
        Files.createDirectories(wrkdir);
        String source = MakefileText.value(makefile, "DISTFILES");
        Path extracted = Files.createDirectories(wrkdir.resolve("extract"));
        Archives.extract(distdir.resolve(source), extracted);
        Path wrksrc;
        try (Stream<Path> top = Files.list(extracted)) {
            List<Path> dirs = top.toList();
            wrksrc = dirs.size() == 1 && Files.isDirectory(dirs.get(0)) ? dirs.get(0) : extracted;
        }
        report.step("extract", source + " into " + wrksrc);
        // The source goes apart (its top directory is WRKSRC); the rest of EXTRACT_ONLY, a deps archive,
        // unpacks into WRKDIR as the ports tree does it, its m2/ becoming ${WRKDIR}/m2.
        for (String archive : MakefileText.value(makefile, "EXTRACT_ONLY").split("\\s+")) {
            if (!archive.equals(source)) {
                Archives.extract(distdir.resolve(archive), wrkdir);
                report.step("extract", archive + " into " + wrkdir);
            }
        }

        Path m2 = Files.createDirectories(wrkdir.resolve("m2"));
        for (Distfile d : distfiles()) {
            if (d.name().startsWith("maven/")) {
                Path to = m2.resolve(d.name().substring("maven/".length()));
                Files.createDirectories(to.getParent());
                Files.copy(distdir.resolve(d.name()), to);
            }
        }
        for (Map.Entry<String, String> f : files.entrySet()) {
            if (f.getKey().startsWith("files/m2/")) {
                Path to = m2.resolve(f.getKey().substring("files/m2/".length()));
                Files.createDirectories(to.getParent());
                Files.writeString(to, f.getValue());
            }
        }
        try (Stream<Path> walk = Files.walk(m2)) {
            report.step("m2", walk.filter(Files::isRegularFile).count() + " files in " + m2);
        }

        List<String> args = List.of(MakefileText.value(makefile, "MAVEN_ARGS").split("\\s+"));
        MavenRun.run(maven, javaHome, wrksrc, List.of("--offline", "-s", MavenRun.emptySettings(wrkdir).toString(),
                "-Dmaven.repo.local=" + m2), args, wrkdir.resolve("build.log"), "do-build (mvn --offline)");
        report.step("build", "mvn --offline " + String.join(" ", args) + ": BUILD SUCCESS");

        Path fake = Files.createDirectories(wrkdir.resolve("fake"));
        TreeSet<String> installed = new TreeSet<>();
        for (String[] install : MakefileText.installs(files.get("Makefile"))) {
            Path from = Path.of(builtPath(install[0]).replace("${WRKSRC}", wrksrc.toString())
                    .replace("${FILESDIR}", port.resolve("files").toString()));
            Path to = fake.resolve(install[1]);
            if (!Files.isRegularFile(from)) {
                throw new PortkitException(Failure.BUILD_FAILED, "do-install: " + from + " was not built");
            }
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
            installed.add(install[1]);
        }
        report.step("install", installed.size() + " files into " + fake);

        String difference = PlistText.difference(PlistText.files(files.getOrDefault("pkg/PLIST", "")), installed);
        if (difference != null) {
            throw new PortkitException(Failure.PLIST, "plist: " + difference);
        }
        report.step("plist", "the fake root matches pkg/PLIST (" + installed.size() + " files)");
    }

    /** {@code source} with the Makefile's own variables (BUILT_JAR, BUILT_MAN) replaced by their values. */
    private String builtPath(String source) {
        String path = source;
        for (Map.Entry<String, List<String>> var : makefile.entrySet()) {
            if (var.getKey().startsWith("BUILT_")) {
                path = path.replace("${" + var.getKey() + "}", String.join(" ", var.getValue()));
            }
        }
        return path;
    }

    /** Where each step says what it did. */
    public interface Report {
        void step(String name, String what);
    }
}
