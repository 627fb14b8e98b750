package org.portkit.cli;

import java.nio.file.Path;
import java.util.List;
import org.portkit.closure.ClosureEngine;
import org.portkit.maven.MavenDistribution;
import org.portkit.resolve.UserSettings;
import picocli.CommandLine.Option;

/** How a closure is computed: the same for resolve and lock. */
final class ResolveOptions {
    @Option(names = "--cache", paramLabel = "DIR",
            description = "download cache (default: $PORTKIT_CACHE, else ~/.cache/portkit)")
    Path cache;

    @Option(names = "--maven", paramLabel = "VERSION", description = "Maven to compute for and check with (default: ${DEFAULT-VALUE})")
    String mavenVersion = MavenDistribution.DEFAULT_VERSION;

    @Option(names = "--java-home", paramLabel = "DIR", description = "JDK the build runs on (default: $JAVA_HOME, else this JVM)")
    Path javaHome;

    @Option(names = "--settings", paramLabel = "FILE", description = "Maven settings.xml (default: ~/.m2/settings.xml if present)")
    Path settings;

    @Option(names = "--allow-http", description = "accept plain-http repositories and source sites (e.g. on loopback)")
    boolean allowHttp;

    @Option(names = "--record", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "run the build once online through portkit's mirror to record what plugins fetch while they run (default: on)")
    boolean record = true;

    @Option(names = "--partial", description = "where a repository cannot be reached, write a partial lock naming each"
            + " missing file and why (for port generation without that network); nothing is checked offline")
    boolean partial;

    ClosureEngine.Request request(Path source, List<String> mavenArgs, boolean check) {
        return new ClosureEngine.Request(source.toAbsolutePath(), mavenArgs, mavenVersion, Defaults.javaHome(javaHome),
                Defaults.cache(cache), UserSettings.read(settings), allowHttp, record, check, partial);
    }
}
