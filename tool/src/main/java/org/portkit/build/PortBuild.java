package org.portkit.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.portkit.closure.ClosureEngine;
import org.portkit.failure.Failure;
import org.portkit.failure.PortkitException;
import org.portkit.io.Archives;
import org.portkit.io.AtomicFiles;
import org.portkit.io.Download;
import org.portkit.io.Hashing;
import org.portkit.maven.MavenDistribution;
import org.portkit.maven.MavenRun;
import org.portkit.port.DistTuple;
import org.portkit.port.Distinfo;
import org.portkit.port.MakefileText;
import org.portkit.port.PlistText;
import org.portkit.port.PortTree;

/**
 * Runs a generated port's own steps here, the way bsd.port.mk 1.1638 would: fetch every distfile
 * (DISTFILES and DISTFILES.x in their {@code name{path}suffix} form, DIST_TUPLE archives) into a
 * distfiles directory while checking distinfo, unpack what EXTRACT_ONLY names into WRKDIR, take
 * WRKDIST from DISTNAME or the DIST_TUPLE, lay the Maven artifacts out as devel/maven's module does
 * (or use the m2/ a deps archive unpacked), build with Maven offline with the Makefile's arguments,
 * install into a fake root as do-install says (SUBST_* replacing the SUBST_VARS), add what
 * bsd.port.mk installs itself (pkg/NAME.login), and compare that root with pkg/PLIST.
 */
public final class PortBuild {
    /**
     * {@code NAME{PATH}SUFFIX}, stored as NAME+SUFFIX and fetched as PATH+SUFFIX, or just NAME, as
     * bsd.port.mk reads DISTFILES (a DIST_TUPLE's github archive is {@code ACCOUNT-PROJECT-{PATH}ID.tar.gz}).
     */
    private static final Pattern DISTFILE = Pattern.compile("^([^{}]+)(?:\\{([^{}]*)\\}([^{}]*))?$");
    /** The SUBST_VARS values of a default OpenBSD installation, as pkg_subst gets them. */
    private static final Map<String, String> SUBST = Map.of("TRUEPREFIX", "/usr/local", "PREFIX", "/usr/local",
            "LOCALBASE", "/usr/local", "SYSCONFDIR", "/etc", "LOCALSTATEDIR", "/var", "RCDIR", "/etc/rc.d",
            "X11BASE", "/usr/X11R6", "MODJAVA_JAR_DIR", "/usr/local/share/java/classes/",
            "MODJAVA_SHARE_DIR", "/usr/local/share/java/");

    /** A distfile: its local name, and where to fetch it. */
    public record Distfile(String name, String url) {}

    private final Path port;
    private final SortedMap<String, String> files;
    private final Map<String, List<String>> makefile;
    private final Map<String, String> sites;

    public PortBuild(Path port) throws IOException {
        this(port, Map.of());
    }

    /** @param sites SITES.x values that replace the Makefile's, as a user's mk.conf may (e.g. github) */
    public PortBuild(Path port, Map<String, String> sites) throws IOException {
        this.port = port;
        this.sites = Map.copyOf(sites);
        this.files = PortTree.read(port);
        if (!files.containsKey("Makefile")) {
            throw new PortkitException(Failure.BAD_INPUT, "no Makefile in " + port);
        }
        Map<String, List<String>> vars = new TreeMap<>(MakefileText.assignments(files.get("Makefile")));
        vars.putAll(MakefileText.assignments(files.getOrDefault("maven.inc", "")));
        this.makefile = vars;
    }

    /** Every distfile the port fetches: DISTFILES, each DISTFILES.x, and the archive of each DIST_TUPLE. */
    public List<Distfile> distfiles() {
        List<Distfile> out = new ArrayList<>();
        makefile.forEach((var, values) -> {
            if (var.equals("DISTFILES") || var.startsWith("DISTFILES.")) {
                String site = site(var.replaceFirst("^DISTFILES", "SITES"));
                for (String entry : String.join(" ", values).trim().split("\\s+")) {
                    Matcher m = DISTFILE.matcher(entry);
                    if (entry.isEmpty()) {
                        continue;
                    }
                    if (!m.matches() || site == null) {
                        throw new PortkitException(Failure.BAD_INPUT, port + ": cannot read " + var + " " + entry
                                + (site == null ? " (no " + var.replaceFirst("^DISTFILES", "SITES") + ")" : ""));
                    }
                    String suffix = m.group(3) == null ? "" : m.group(3);
                    out.add(new Distfile(m.group(1) + suffix, site + (m.group(2) == null ? m.group(1) : m.group(2) + suffix)));
                }
            }
        });
        String github = Objects.requireNonNullElse(site("SITES.github"), DistTuple.SITE);
        tuples().forEach(t -> out.add(new Distfile(t.distfile(), github + t.path())));
        return out;
    }

    private String site(String var) {
        return sites.containsKey(var.replaceFirst("^SITES\\.", "")) ? sites.get(var.replaceFirst("^SITES\\.", ""))
                : MakefileText.value(makefile, var);
    }

    private List<DistTuple> tuples() {
        String value = MakefileText.value(makefile, "DIST_TUPLE");
        List<String> w = value == null || value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
        List<DistTuple> out = new ArrayList<>();
        for (int i = 0; i + 4 < w.size(); i += 5) {
            try {
                out.add(DistTuple.parse(String.join(" ", w.subList(i, i + 5))));
            } catch (IllegalArgumentException e) {
                throw new PortkitException(Failure.BAD_INPUT, port + ": DIST_TUPLE " + String.join(" ", w.subList(i, i + 5))
                        + ": only github tuples can be fetched here", e);
            }
        }
        return out;
    }

    /** fetch: every distfile present in {@code distdir} and matching distinfo, or a failure naming it. */
    public void fetch(Path distdir, Report report) throws IOException {
        Map<String, Distinfo.Entry> sums = Distinfo.parse(files.getOrDefault("distinfo", ""));
        int fetched = 0;
        List<Distfile> all = distfiles();
        for (Distfile d : all) {
            Distinfo.Entry sum = sums.get(d.name());
            if (sum == null || sum.sha256Hex() == null || sum.size() == null) {
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

    private static void verify(String name, Path file, Distinfo.Entry sum) throws IOException {
        String sha = Hashing.sha256(file);
        long size = Files.size(file);
        if (!sha.equals(sum.sha256Hex()) || size != Long.parseLong(sum.size())) {
            throw new PortkitException(Failure.CHECKSUM, "checksum: " + name + " (" + file + ") does not match distinfo:"
                    + " SHA-256 " + sha + ", " + size + " bytes. Delete it only if you know why it changed.");
        }
    }

    /** extract, lay out m2, build offline, fake install, compare with the PLIST. */
    public void build(Path distdir, Path wrkdir, MavenDistribution maven, Path javaHome, Report report)
            throws IOException {
        AtomicFiles.deleteTree(wrkdir);
        Files.createDirectories(wrkdir);
        Path wrksrc = extract(distdir, wrkdir, report);
        layOut(distdir, wrkdir.resolve("m2"), report);

        List<String> args = List.of(MakefileText.value(makefile, "MODMAVEN_ARGS").split("\\s+"));
        // On OpenBSD the <os> profiles activate by themselves; here the target's are named, as for the lock's build.
        List<String> options = new ArrayList<>(List.of("--offline", "-s", MavenRun.emptySettings(wrkdir).toString(),
                "-Dmaven.repo.local=" + wrkdir.resolve("m2")));
        List<String> target = ClosureEngine.targetOptions(wrksrc, args, javaHome, wrkdir.resolve("m2"),
                Files.createDirectories(wrkdir.resolve("model")));
        options.addAll(target);
        MavenRun.run(maven, javaHome, wrksrc, options, args, wrkdir.resolve("build.log"), "do-build (mvn --offline)");
        report.step("build", "mvn --offline " + String.join(" ", target.isEmpty() ? args
                : Stream.concat(target.stream(), args.stream()).toList()) + ": BUILD SUCCESS");

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
            if (install[2] != null) {
                Files.writeString(to, subst(Files.readString(from)));
            } else {
                Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
            }
            installed.add(install[1]);
        }
        // What bsd.port.mk installs from pkg/ itself under PREFIX, besides the README.
        for (String f : files.keySet()) {
            String to = PlistText.installedFromPkg(f);
            if (to != null) {
                Files.createDirectories(fake.resolve(to).getParent());
                Files.writeString(fake.resolve(to), files.get(f));
                installed.add(to);
            }
        }
        report.step("install", installed.size() + " files into " + fake);

        String difference = PlistText.difference(PlistText.files(files.getOrDefault("pkg/PLIST", "")), installed);
        if (difference != null) {
            throw new PortkitException(Failure.PLIST, "plist: " + difference);
        }
        report.step("plist", "the fake root matches pkg/PLIST (" + installed.size() + " files)");
    }

    /**
     * Unpacks what EXTRACT_ONLY names (every distfile when it is not set) into WRKDIR and returns
     * WRKDIST: ${WRKDIR}/${DISTNAME} when DISTNAME is set, else the first DIST_TUPLE's directory,
     * else WRKDIR itself, as bsd.port.mk decides.
     */
    private Path extract(Path distdir, Path wrkdir, Report report) throws IOException {
        String only = MakefileText.value(makefile, "EXTRACT_ONLY");
        List<String> archives = only == null ? distfiles().stream().map(Distfile::name).toList()
                : only.isBlank() ? List.of() : List.of(only.trim().split("\\s+"));
        for (String archive : archives) {
            Archives.extract(distdir.resolve(archive), wrkdir);
            report.step("extract", archive + " into " + wrkdir);
        }
        String distname = MakefileText.value(makefile, "DISTNAME");
        List<DistTuple> tuples = tuples();
        Path wrkdist = distname != null ? wrkdir.resolve(distname)
                : !tuples.isEmpty() ? wrkdir.resolve(tuples.get(0).wrkdist()) : wrkdir;
        if (!Files.isDirectory(wrkdist)) {
            List<String> there;
            try (Stream<Path> top = Files.list(wrkdir)) {
                there = top.map(p -> p.getFileName().toString()).sorted().toList();
            }
            throw new PortkitException(Failure.BUILD_FAILED, "extract: WRKDIST " + wrkdist + " does not exist; "
                    + wrkdir + " holds " + there + ". A site source needs DISTNAME (source.dir in the spec) naming"
                    + " the directory its archive unpacks into");
        }
        report.step("extract", "WRKDIST is " + wrkdist);
        return wrkdist;
    }

    /**
     * devel/maven's do-build layout: with maven/ distfiles, ${WRKDIR}/m2 made anew from them and
     * files/m2; without (a deps archive), the m2/ that unpacked.
     */
    private void layOut(Path distdir, Path m2, Report report) throws IOException {
        List<Distfile> artifacts = distfiles().stream().filter(d -> d.name().startsWith("maven/")).toList();
        if (!artifacts.isEmpty()) {
            AtomicFiles.deleteTree(m2);
            for (Distfile d : artifacts) {
                Path to = m2.resolve(d.name().substring("maven/".length()));
                Files.createDirectories(to.getParent());
                Files.copy(distdir.resolve(d.name()), to);
            }
            for (Map.Entry<String, String> f : files.entrySet()) {
                if (f.getKey().startsWith("files/m2/")) {
                    Path to = m2.resolve(f.getKey().substring("files/m2/".length()));
                    Files.createDirectories(to.getParent());
                    Files.writeString(to, f.getValue());
                }
            }
        }
        if (!Files.isDirectory(m2)) {
            throw new PortkitException(Failure.BUILD_FAILED, "do-build: no maven/ distfiles and no m2/ unpacked into "
                    + m2.getParent());
        }
        try (Stream<Path> walk = Files.walk(m2)) {
            report.step("m2", walk.filter(Files::isRegularFile).count() + " files in " + m2);
        }
    }

    /** What pkg_subst makes of {@code text}: each ${VAR} of SUBST_VARS replaced, anything else kept. */
    String subst(String text) {
        Map<String, String> values = new TreeMap<>(SUBST);
        String pkgname = MakefileText.value(makefile, "PKGNAME");
        String version = MakefileText.value(makefile, "V");
        if (pkgname != null) {
            String full = version == null ? pkgname : pkgname.replace("${V}", version);
            values.put("FULLPKGNAME", full);
            values.put("PKGSTEM", full.replaceFirst("-[0-9][^-]*$", ""));
        }
        String out = text;
        for (Map.Entry<String, String> v : values.entrySet()) {
            out = out.replace("${" + v.getKey() + "}", v.getValue());
        }
        return out;
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
