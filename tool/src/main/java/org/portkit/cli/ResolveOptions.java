package org.portkit.cli;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.portkit.cache.Cache;
import org.portkit.closure.ClosureEngine;
import org.portkit.maven.MavenDistribution;
import org.portkit.resolve.UserSettings;
import org.portkit.workspace.LockWorkflow;
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
        return new ClosureEngine.Request(source.toAbsolutePath(), mavenArgs, environment(), options(check));
    }

    /** How specs are locked with these options, proved offline when {@code check}. */
    LockWorkflow.Request lockRequest(boolean check, Optional<Path> sourceTree) {
        return new LockWorkflow.Request(environment(), options(check), sourceTree);
    }

    ClosureEngine.Environment environment() {
        return new ClosureEngine.Environment(mavenVersion, Defaults.javaHome(javaHome), Cache.of(cache), UserSettings.read(settings));
    }

    /** The options given, with the offline check when {@code check}. */
    Set<ClosureEngine.Option> options(boolean check) {
        Set<ClosureEngine.Option> options = EnumSet.noneOf(ClosureEngine.Option.class);
        Map.of(ClosureEngine.Option.ALLOW_HTTP, allowHttp, ClosureEngine.Option.RECORD, record,
                ClosureEngine.Option.CHECK, check, ClosureEngine.Option.PARTIAL, partial).forEach((option, on) -> {
                    if (on) {
                        options.add(option);
                    }
                });
        return options;
    }
}
