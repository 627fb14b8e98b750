package org.portkit.port;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.portkit.failure.Failure;
import org.portkit.failure.PortkitException;
import org.portkit.maven.MavenArgs;

/**
 * What a port maintainer decides, read from {@code port.conf} (HOCON) in a spec directory that also
 * holds the lock and the configuration samples. Everything else in the port is derived.
 *
 * @param dir the spec directory
 * @param source the upstream source as {@code DIST_TUPLE} ("github ACCOUNT PROJECT TAG-OR-COMMIT ."), or null
 * @param sourceSite where the source archive is, when it is not a DIST_TUPLE (with {@code sourceFile})
 * @param mavenArgs what the port gives Maven (default: -DskipTests package); the lock must be made with them
 * @param jar the built jar to install, relative to the source root
 * @param update how {@code portkit update} maps a release to a version and source, or null
 * @param depsSite where the maintainer publishes the closure as one {@link #depsArchive()}, or null: each
 *     artifact is then a distfile of its own (maven.inc)
 * @param daemon the daemon the port runs; null for an application ({@code kind = app}, see {@link AppSpec})
 */
public record PortSpec(Path dir, String category, String name, String comment, String version, String homepage,
        String maintainer, String license, String descr, String source, String sourceSite, String sourceFile,
        List<String> mavenArgs, String java, String jar, Daemon daemon, Update update, String depsSite) {

    /**
     * The daemon the port runs: its name (rc.d script, launcher, configuration directory; the port's
     * name unless set), user, main class and configuration samples (files in the spec directory).
     */
    public record Daemon(String name, String user, int id, String comment, String mainClass, List<String> javaOptions,
            List<String> config) {}

    /**
     * The {@code update} block: templates in which {@code {arg}} is the argument of {@code portkit
     * update} and {@code {version}} the new version. {@code version} is null where the argument
     * cannot say it (a commit id): {@code --version} gives it then. {@code id} is the new DIST_TUPLE
     * id; {@code site} and {@code file} the new site and file of a site source (either may be null).
     */
    public record Update(String version, String id, String site, String file) {}

    public static final String FILE = "port.conf";
    public static final String LOCK = "portkit.lock";

    private static final List<String> UPDATE_KEYS = List.of("version", "id", "site", "file");

    public static PortSpec read(Path dir) {
        return parse(dir, text(dir));
    }

    /** The text of the port.conf in {@code dir}, a Maven port's or a meta port's. */
    public static String text(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new PortkitException(Failure.BAD_INPUT, "no " + FILE + " in " + dir);
        }
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new PortkitException(Failure.BAD_INPUT, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The spec {@code text} gives as the port.conf of {@code dir} (whose configuration samples it names). */
    public static PortSpec parse(Path dir, String text) {
        try {
            Config c = config(text, dir.resolve(FILE).toString());
            Daemon daemon = null;
            if (!AppSpec.isApp(c)) {
                Config d = c.getConfig("daemon");
                daemon = new Daemon(d.hasPath("name") ? d.getString("name") : c.getString("name"), d.getString("user"), d.getInt("id"), d.getString("comment"),
                        d.getString("main-class"), d.hasPath("java-options") ? d.getStringList("java-options") : List.of(),
                        d.getStringList("config"));
            }
            Update update = c.hasPath("update") ? new Update(optional(c, "update.version"), optional(c, "update.id"),
                    optional(c, "update.site"), optional(c, "update.file")) : null;
            PortSpec spec = new PortSpec(dir, c.getString("category"), c.getString("name"), c.getString("comment"),
                    c.getString("version"), c.getString("homepage"), c.getString("maintainer"), c.getString("license"),
                    c.getString("descr"), optional(c, "source.dist-tuple"), optional(c, "source.site"),
                    optional(c, "source.file"),
                    c.hasPath("maven-args") ? c.getStringList("maven-args") : MavenArgs.DEFAULT,
                    c.getString("java"), c.getString("jar"), daemon, update, optional(c, "deps-archive.site"));
            spec.validate(c);
            return spec;
        } catch (ConfigException e) {
            // Typesafe Config's messages start with "file: line:", which is what a maintainer needs.
            throw new PortkitException(Failure.BAD_INPUT, "bad port spec: " + e.getMessage());
        }
    }

    /** port.conf's text as Typesafe Config reads it, each value with the line it is set on. */
    public static Config config(String text, String origin) {
        return ConfigFactory.parseString(text,
                ConfigParseOptions.defaults().setSyntax(ConfigSyntax.CONF).setOriginDescription(origin));
    }

    private static String optional(Config c, String path) {
        return c.hasPath(path) ? c.getString(path) : null;
    }

    private void validate(Config c) {
        require(c, "comment", comment.length() <= 60 && !comment.endsWith("."), "at most 60 characters, no final period");
        require(c, "source", (source == null) != (sourceSite == null) && (sourceSite == null) == (sourceFile == null),
                "either dist-tuple, or site and file");
        if (source != null) {
            require(c, "source.dist-tuple", source.split(" ").length == 5, "five words: github ACCOUNT PROJECT ID DIR");
            require(c, "source.dist-tuple", !source.split(" ")[3].contains("/"),
                    "the id cannot hold '/': use the plain tag (jitsi-meet_NNNN) or the full commit");
        } else {
            require(c, "source.site", sourceSite.endsWith("/"), "a site ends with '/'");
        }
        require(c, "java", java.matches("(1\\.8|11|17|21)\\+?"), "one of 1.8, 11, 17, 21, with an optional +");
        if (daemon != null) {
            require(c, "daemon.user", daemon.user().startsWith("_"), "daemon users start with '_'");
            require(c, "name", daemon.name().matches("[A-Za-z_][A-Za-z0-9_]*"),
                    "not a valid rc.d script name: set daemon.name (letters, digits, '_')");
            require(c, "daemon.id", daemon.id() >= 500, "ids of port users are 500 and up (infrastructure/db/user.list)");
            require(c, "daemon.config", !daemon.config().isEmpty(), "name at least the main configuration file");
            for (String f : daemon.config()) {
                require(c, "daemon.config", Files.isRegularFile(dir.resolve(f)), "no file " + f + " beside the spec");
            }
        }
        require(c, "source", !c.hasPath("source.sha256") && !c.hasPath("source.size"),
                "no checksums in the spec: 'portkit lock' hashes the source archive and pins it in the lock");
        if (update != null) {
            validateUpdate(c);
        }
        if (c.hasPath("deps-archive")) {
            require(c, "deps-archive", c.getConfig("deps-archive").root().keySet().equals(Set.of("site")),
                    "one key: site, where the archive 'portkit lock' makes is published");
            require(c, "deps-archive.site", depsSite.endsWith("/"), "a site ends with '/'");
        }
    }

    private void validateUpdate(Config c) {
        require(c, "update", UPDATE_KEYS.containsAll(c.getConfig("update").root().keySet()), "keys: " + UPDATE_KEYS);
        require(c, "update", source != null ? update.id() != null && update.site() == null && update.file() == null
                : update.id() == null && (update.site() != null || update.file() != null),
                source != null ? "a dist-tuple source is updated by 'id'" : "a site source is updated by 'file' and/or 'site'");
        require(c, "update.version", update.version() == null
                || update.version().contains("{arg}") && !update.version().contains("{version}"),
                "a template of {arg}: the version cannot name itself");
        for (String key : UPDATE_KEYS) {
            String template = optional(c, "update." + key);
            require(c, "update." + key, template == null || (template.contains("{arg}") || template.contains("{version}"))
                    && !template.replace("{arg}", "").replace("{version}", "").matches(".*[{}].*"),
                    "a template of {arg} (the argument of 'portkit update') and {version} (the new version)");
        }
    }

    /** Unless {@code ok}, a spec error at the line where {@code path} is set. */
    static void require(Config c, String path, boolean ok, String what) {
        if (!ok) {
            throw new PortkitException(Failure.BAD_INPUT,
                    "bad port spec: " + c.getValue(path).origin().description() + ": " + path + ": " + what);
        }
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
        return depsSite == null ? null : name + "-deps-" + version + ".tar.gz";
    }
}
