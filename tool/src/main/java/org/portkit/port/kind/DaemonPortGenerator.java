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
import org.portkit.port.PlistText;
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
        SortedMap<String, String> files = BuildFiles.of(spec.build(), lock);
        Model model = new Model(spec, lock);
        files.put("Makefile", Templates.render("Makefile", model));
        files.put("pkg/PLIST", plist(spec));
        String daemon = spec.daemon().name();
        files.put("pkg/" + daemon + ".rc", Templates.render("rc", model));
        // bsd.port.mk installs it as share/examples/login.conf.d/NAME; rc.subr uses the class named after the script.
        files.put("pkg/" + daemon + ".login", Templates.render("login", model));
        files.put("pkg/README", BuildFiles.refill(Templates.render("README", model)));
        files.put("files/" + daemon + ".sh", Templates.render("launcher", model));
        files.put("files/" + daemon + ".in.sh", Templates.render("in.sh", model));
        for (String config : spec.daemon().config()) {
            files.put("files/" + config, read(spec.build().dir().resolve(config)));
        }
        return new GeneratedPort(spec.header().path(), files, daemon, model.unverified());
    }

    /**
     * What the daemon port's templates (Makefile, rc, login, README, launcher, in.sh) read: the
     * build's values, and the daemon's.
     */
    public record Model(DaemonPort spec, Lock lock, LicenseSummary licenses, List<String> unverified)
            implements BuildModel {
        Model(DaemonPort spec, Lock lock) {
            this(spec, lock, LicenseSummary.of(lock), BuildFiles.unverified(spec.build(), lock));
        }

        /** A configuration sample installed under share/NAME. */
        public record Sample(String file) {}

        @Override
        public MavenBuild build() {
            return spec.build();
        }

        public int openFiles() {
            return spec.daemon().openFiles();
        }

        public List<String> configTable() {
            return DaemonPortGenerator.configTable(spec);
        }

        /** The daemon's name (rc.d script, launcher, configuration directory). */
        public String name() {
            return spec.daemon().name();
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
        spec.build().pkgpaths().forEach(old -> p.append("@pkgpath ").append(old).append('\n'));
        p.append("@newgroup ").append(user).append(':').append(id).append('\n');
        p.append("@newuser ").append(user).append(':').append(id).append(':').append(id).append("::")
                .append(spec.daemon().comment()).append(":/nonexistent:/sbin/nologin\n");
        p.append("@rcscript ${RCDIR}/").append(name).append('\n');
        entries.put(PlistText.installedFromPkg("pkg/" + name + ".login"),
                "@sample ${SYSCONFDIR}/login.conf.d/" + name + "\n");
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
