package org.portkit.port.kind;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.portkit.failure.Failure;
import org.portkit.failure.PortkitException;
import org.portkit.io.Archives;
import org.portkit.io.WorkArea;
import org.portkit.lock.Lock;
import org.portkit.lock.SourceDistfile;
import org.portkit.maven.MavenArgs;
import org.portkit.port.DistTuple;
import org.portkit.port.Header;
import org.portkit.port.SpecFile;

/**
 * What every Maven-built kind of port says of its build (a daemon's, an application's): the source
 * archive, the Maven arguments and JDK, the jar it installs, how releases map to versions, where a
 * deps archive is published, and the tree's paths it replaces or needs. Locked by pinning the source
 * archive and resolving the build's closure, the same for every such kind.
 *
 * @param source the upstream source as {@code DIST_TUPLE} ("github ACCOUNT PROJECT TAG-OR-COMMIT ."), or null
 * @param sourceSite where the source archive is, when it is not a DIST_TUPLE (with {@code sourceFile})
 * @param mavenArgs what the port gives Maven (default: -DskipTests package); the lock must be made with them
 * @param jar the built jar to install, relative to the source root
 * @param update how {@code portkit update} maps a release to a version and source, or null
 * @param depsSite where the maintainer publishes the closure as one {@link #depsArchive()}, or null: each
 *     artifact is then a distfile of its own (maven.inc)
 * @param pkgpaths the tree's older paths of this package ({@code @pkgpath}), so that {@code pkg_add -u} moves
 *     installed systems to this port
 * @param runDepends what the package needs at run time besides a JDK and javaPathHelper (PKGPATHs)
 * @param sourceDir the top directory a site source unpacks into (DISTNAME, hence WRKDIST); by default the
 *     file's name less its archive suffix; null for a DIST_TUPLE source, whose directory bsd.port.mk knows
 */
public record MavenBuild(Header header, String source, String sourceSite, String sourceFile, List<String> mavenArgs,
        String java, String jar, Update update, String depsSite, List<String> pkgpaths, List<String> runDepends,
        String sourceDir) {

    /**
     * The {@code update} block: templates in which {@code {arg}} is the argument of {@code portkit
     * update} and {@code {version}} the new version. {@code version} is null where the argument
     * cannot say it (a commit id): {@code --version} gives it then. {@code id} is the new DIST_TUPLE
     * id; {@code site} and {@code file} the new site and file of a site source (either may be null).
     */
    public record Update(String version, String id, String site, String file) {}

    private static final List<String> UPDATE_KEYS = List.of("version", "id", "site", "file");

    /** The keys of port.conf a build is read from, the header's included; a kind adds its own. */
    static Set<String> keys(String... more) {
        Set<String> keys = new TreeSet<>(Header.KEYS);
        keys.addAll(List.of("source.dist-tuple", "source.site", "source.file", "source.dir", "maven-args", "java", "jar",
                "deps-archive.site", "pkgpath", "run-depends"));
        UPDATE_KEYS.forEach(k -> keys.add("update." + k));
        keys.addAll(List.of(more));
        return Set.copyOf(keys);
    }

    /** The build in {@code f}, under the header {@code header}. */
    static MavenBuild parse(SpecFile f, Header header) {
        Update update = f.config().hasPath("update") ? new Update(optional(f, "update.version"),
                optional(f, "update.id"), optional(f, "update.site"), optional(f, "update.file")) : null;
        MavenBuild build = new MavenBuild(header, optional(f, "source.dist-tuple"), optional(f, "source.site"),
                optional(f, "source.file"), f.list("maven-args", MavenArgs.DEFAULT), f.string("java"),
                f.relativePath("jar"), update, optional(f, "deps-archive.site"), f.list("pkgpath", List.of()),
                f.list("run-depends", List.of()), f.config().hasPath("source.file")
                        ? f.optional("source.dir").orElse(Archives.stem(f.string("source.file")))
                        : null);
        build.validate(f);
        return build;
    }

    private static String optional(SpecFile f, String path) {
        return f.optional(path).orElse(null);
    }

    private void validate(SpecFile c) {
        c.require("source", (source == null) != (sourceSite == null) && (sourceSite == null) == (sourceFile == null),
                "either dist-tuple, or site and file");
        if (source != null) {
            c.require("source.dist-tuple", source.split(" ").length == 5, "five words: github ACCOUNT PROJECT ID DIR");
            c.require("source.dist-tuple", !source.split(" ")[3].contains("/"),
                    "the id cannot hold '/': use the plain tag (jitsi-meet_NNNN) or the full commit");
            c.require("source.dist-tuple", Arrays.stream(source.split(" "), 1, 4).allMatch(SpecFile::isName),
                    "one name each, ACCOUNT, PROJECT and ID (they name the distfile)");
        } else {
            c.require("source.site", sourceSite.endsWith("/"), "a site ends with '/'");
            c.require("source.file", SpecFile.isName(sourceFile), "one name (it names the distfile)");
            c.require("source.file", Archives.stem(sourceFile) != null, "an archive, NAME" + Archives.KINDS.replace(", ",
                    " or NAME") + ", whose top directory is NAME unless source.dir says otherwise");
        }
        c.require("java", java.matches("(1\\.8|11|17|21)\\+?"), "one of 1.8, 11, 17, 21, with an optional +");
        for (String path : List.of("pkgpath", "run-depends")) {
            c.require(path, c.list(path, List.of()).stream().allMatch(p -> p.matches("[a-z0-9]+(/[A-Za-z0-9_.+-]+)+")),
                    "PKGPATHs such as net/jitsi/srtp");
        }
        c.require("source.dir", sourceDir == null || SpecFile.isName(sourceDir), "the archive's top directory, one name");
        c.require("source", !c.config().hasPath("source.sha256") && !c.config().hasPath("source.size"),
                "no checksums in the spec: 'portkit lock' hashes the source archive and pins it in the lock");
        if (update != null) {
            validateUpdate(c);
        }
        if (c.config().hasPath("deps-archive")) {
            c.require("deps-archive", c.config().getConfig("deps-archive").root().keySet().equals(Set.of("site")),
                    "one key: site, where the archive 'portkit lock' makes is published");
            c.require("deps-archive.site", depsSite.endsWith("/"), "a site ends with '/'");
        }
    }

    private void validateUpdate(SpecFile c) {
        c.require("update", UPDATE_KEYS.containsAll(c.config().getConfig("update").root().keySet()), "keys: " + UPDATE_KEYS);
        c.require("update", source != null ? update.id() != null && update.site() == null && update.file() == null
                : update.id() == null && (update.site() != null || update.file() != null),
                source != null ? "a dist-tuple source is updated by 'id'" : "a site source is updated by 'file' and/or 'site'");
        c.require("update.version", update.version() == null
                || update.version().contains("{arg}") && !update.version().contains("{version}"),
                "a template of {arg}: the version cannot name itself");
        for (String key : UPDATE_KEYS) {
            String template = optional(c, "update." + key);
            c.require("update." + key, template == null || (template.contains("{arg}") || template.contains("{version}"))
                    && !template.replace("{arg}", "").replace("{version}", "").matches(".*[{}].*"),
                    "a template of {arg} (the argument of 'portkit update') and {version} (the new version)");
        }
    }

    /** The spec directory (configuration samples are beside the spec). */
    public Path dir() {
        return header.paths().dir();
    }

    /** Where the source archive is fetched from: the GitHub archive a DIST_TUPLE names, or site + file. */
    public String sourceUrl() {
        return source == null ? sourceSite + sourceFile : DistTuple.parse(source).url();
    }

    /** The source archive's local name: the file, or what DIST_TUPLE names it (ACCOUNT-PROJECT-ID.tar.gz). */
    public String sourceDistfile() {
        return source == null ? sourceFile : DistTuple.parse(source).distfile();
    }

    /** The Maven closure as one distfile, when the spec has a deps-archive block (else null). */
    public String depsArchive() {
        return depsSite == null ? null : header.name() + "-deps-" + header.version() + ".tar.gz";
    }

    /**
     * The source archive pinned (unless resolved from a local copy, which is not the distfile), the
     * closure of the build with the spec's Maven arguments proved offline when checking, and, with a
     * deps-archive block, the archive of a complete closure made and pinned.
     */
    Lock lock(Locking locking) throws IOException {
        Path source = locking.sourceTree().orElse(locking.distfile(sourceDistfile()));
        List<SourceDistfile> sources = new ArrayList<>();
        if (locking.sourceTree().isEmpty()) {
            sources.add(fetchSource(locking));
        }
        locking.say("===> " + header.path() + ": resolving " + source);
        if (depsArchive() == null) {
            return locking.closure(source, mavenArgs, null).withSources(sources);
        }
        // The archive is made from the offline repository, which is kept in a work directory until then.
        try (WorkArea work = locking.work("lock")) {
            Path repository = work.dir().resolve("m2");
            Lock lock = locking.closure(source, mavenArgs, repository);
            depsArchive(locking, lock, repository).ifPresent(sources::add);
            return lock.withSources(sources);
        }
    }

    private SourceDistfile fetchSource(Locking locking) {
        try {
            return locking.fetch(sourceUrl(), sourceDistfile());
        } catch (PortkitException e) {
            throw e.kind() != Failure.UNOBTAINABLE ? e : new PortkitException(e.kind(), e.getMessage()
                    + ". Where the source site is out of reach, resolve from a local copy with --source-tree:"
                    + " the source distfile then stays unverified", e);
        }
    }

    /** The deps archive of a complete closure; none from a partial lock. */
    private Optional<SourceDistfile> depsArchive(Locking locking, Lock lock, Path repository) {
        if (!lock.isComplete()) {
            locking.say("no " + depsArchive() + " from a partial lock: the port lists it as unverified");
            return Optional.empty();
        }
        return Optional.of(locking.archive(lock, repository, depsArchive(), depsSite));
    }
}
