package org.portkit.port;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.portkit.failure.Failure;
import org.portkit.failure.PortkitException;
import org.portkit.io.Archives;

/**
 * A command-line application's spec ({@code kind = app} in port.conf): built with Maven like a
 * daemon port ({@link PortSpec}, whose daemon is null here), but installed as a command that runs
 * in the foreground: no user, no rc.d script, no configuration samples; a manual page instead.
 *
 * @param build what the Maven build needs, read from the same port.conf
 * @param mainClass the class bin/NAME runs from the built jar
 * @param manDir where the build writes the manual pages, relative to the source root
 * @param manPages the pages it writes there (NAME.SECTION), each installed under man/manSECTION
 */
public record AppSpec(PortSpec build, String mainClass, String manDir, List<String> manPages) {
    private static final Set<String> APP_KEYS = Set.of("main-class", "man");

    /** Whether port.conf says {@code kind = app}. */
    public static boolean isApp(Config c) {
        return c.hasPath("kind") && c.getString("kind").equals("app");
    }

    /** Whether port.conf's {@code text} (in {@code dir}) is an application's. */
    public static boolean isApp(Path dir, String text) {
        try {
            return isApp(PortSpec.config(text, dir.resolve(PortSpec.FILE).toString()));
        } catch (ConfigException e) {
            throw new PortkitException(Failure.BAD_INPUT, "bad port spec: " + e.getMessage());
        }
    }

    /** The application spec port.conf's {@code text} gives in {@code dir}. */
    public static AppSpec parse(Path dir, String text) {
        PortSpec build = PortSpec.parse(dir, text);
        Config c = PortSpec.config(text, dir.resolve(PortSpec.FILE).toString());
        try {
            PortSpec.require(c, "daemon", !c.hasPath("daemon"), "an application (kind = app) runs no daemon: drop the block");
            PortSpec.require(c, "app", APP_KEYS.equals(c.getConfig("app").root().keySet()), "keys: " + APP_KEYS);
            Config app = c.getConfig("app");
            PortSpec.require(c, "app.man", app.getConfig("man").root().keySet().equals(Set.of("dir", "pages")), "keys: dir, pages");
            List<String> pages = app.getStringList("man.pages");
            PortSpec.require(c, "app.man.pages", !pages.isEmpty() && pages.stream().allMatch(p -> p.matches("[A-Za-z0-9._-]+\\.[1-9]")),
                    "file names NAME.SECTION (portkit.1), at least the command's own");
            PortSpec.require(c, "source.file", build.sourceFile() == null || Archives.stem(build.sourceFile()) != null,
                    "an archive NAME" + Archives.KINDS + " whose top directory is NAME: the port's DISTNAME and WRKSRC");
            PortSpec.require(c, "app.main-class", app.getString("main-class").matches("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)+"),
                    "a fully qualified class name");
            return new AppSpec(build, app.getString("main-class"), app.getString("man.dir"), List.copyOf(pages));
        } catch (ConfigException e) {
            throw new PortkitException(Failure.BAD_INPUT, "bad port spec: " + e.getMessage());
        }
    }
}
