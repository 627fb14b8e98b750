package org.portkit.port;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.portkit.failure.Failure;
import org.portkit.failure.PortkitException;

/**
 * A meta port's spec ({@code kind = meta} in port.conf): no Maven build, only distfiles to install
 * as they are, dependencies on the ports it brings together, and a Jitsi Meet site's templates
 * and setup script (org.portkit.site) to configure them coherently.
 */
public record MetaSpec(Path dir, String category, String name, String comment, String version, String homepage,
        String maintainer, String license, String descr, List<String> runDepends, List<Distfile> distfiles) {

    /**
     * An archive the port installs a directory of: from a site ({@code id} names its SITES.id and
     * DISTFILES.id), or a github DIST_TUPLE.
     *
     * @param from the directory to install, as make sees it after extraction (e.g. ${WRKDIR}/jitsi-meet)
     * @param to where under ${PREFIX} it goes
     */
    public record Distfile(String id, String site, String file, String tuple, String from, String to) {
        /** The local name, as distinfo lists it. */
        public String name() {
            return tuple == null ? file : DistTuple.parse(tuple).distfile();
        }

        /** Where it is fetched from (as bsd.port.mk fetches a github DIST_TUPLE). */
        public String url() {
            return tuple == null ? site + file : DistTuple.parse(tuple).url();
        }
    }

    /** Whether port.conf's {@code text} (in {@code dir}) is a meta port's: {@code kind = meta}. */
    public static boolean isMeta(Path dir, String text) {
        Config c = config(dir, text);
        return c.hasPath("kind") && c.getString("kind").equals("meta");
    }

    public static MetaSpec read(Path dir) {
        return parse(dir, PortSpec.text(dir));
    }

    /** The meta spec port.conf's {@code text} gives in {@code dir}. */
    public static MetaSpec parse(Path dir, String text) {
        Config c = config(dir, text);
        try {
            List<Distfile> distfiles = new ArrayList<>();
            for (Config d : c.getConfigList("distfiles")) {
                Distfile df = new Distfile(d.getString("id"), d.hasPath("site") ? d.getString("site") : null,
                        d.hasPath("file") ? d.getString("file") : null,
                        d.hasPath("dist-tuple") ? d.getString("dist-tuple") : null, d.getString("from"), d.getString("to"));
                if ((df.tuple() == null) == (df.site() == null || df.file() == null)
                        || df.tuple() != null && !df.tuple().matches("github \\S+ \\S+ \\S+ \\S+")) {
                    throw new PortkitException(Failure.BAD_INPUT, "bad port spec: " + d.origin().description()
                            + ": a distfile is either site and file, or a dist-tuple of five words");
                }
                distfiles.add(df);
            }
            return new MetaSpec(dir, c.getString("category"), c.getString("name"), c.getString("comment"),
                    c.getString("version"), c.getString("homepage"), c.getString("maintainer"), c.getString("license"),
                    c.getString("descr"), c.getStringList("run-depends"), List.copyOf(distfiles));
        } catch (ConfigException e) {
            throw new PortkitException(Failure.BAD_INPUT, "bad port spec: " + e.getMessage());
        }
    }

    private static Config config(Path dir, String text) {
        try {
            return PortSpec.config(text, dir.resolve(PortSpec.FILE).toString());
        } catch (ConfigException e) {
            throw new PortkitException(Failure.BAD_INPUT, "bad port spec: " + e.getMessage());
        }
    }
}
