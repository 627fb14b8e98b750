package org.portkit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.portkit.closure.ClosureEngine;
import org.portkit.maven.MavenArgs;
import org.portkit.maven.MavenDistribution;
import org.portkit.resolve.UserSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "resolve", mixinStandardHelpOptions = true,
        description = {"Computes every artifact an offline Maven build of SOURCE needs, downloads and verifies it,",
                "and writes a local repository (--out) and a lock (--lock).",
                "SOURCE is a project directory or a source archive (.tar.gz, .tgz, .tar.bz2, .tar.xz, .zip).",
                "MAVEN-ARGS (after --) are what the port gives Maven; default: -DskipTests package."})
final class ResolveCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SOURCE")
    Path source;

    @Parameters(index = "1..*", paramLabel = "MAVEN-ARGS", description = "Maven arguments, after --")
    List<String> mavenArgs = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "local repository to write (default: ${DEFAULT-VALUE})")
    Path out = Path.of("m2");

    @Option(names = "--lock", paramLabel = "FILE", description = "lock to write (default: ${DEFAULT-VALUE})")
    Path lock = Path.of("portkit.lock");

    @Option(names = "--cache", paramLabel = "DIR",
            description = "download cache (default: $PORTKIT_CACHE, else ~/.cache/portkit)")
    Path cache;

    @Option(names = "--maven", paramLabel = "VERSION", description = "Maven to compute for and check with (default: ${DEFAULT-VALUE})")
    String mavenVersion = MavenDistribution.DEFAULT_VERSION;

    @Option(names = "--java-home", paramLabel = "DIR", description = "JDK the build runs on (default: $JAVA_HOME, else this JVM)")
    Path javaHome;

    @Option(names = "--settings", paramLabel = "FILE", description = "Maven settings.xml (default: ~/.m2/settings.xml if present)")
    Path settings;

    @Option(names = "--allow-http", description = "accept plain-http repositories (e.g. on loopback)")
    boolean allowHttp;

    @Option(names = "--record", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "run the build once online through portkit's mirror to record what plugins fetch while they run (default: on)")
    boolean record = true;

    @Option(names = "--check", description = "prove the result: run the build offline with only the closure before writing anything")
    boolean check;

    @Option(names = "--partial", description = {"where a repository cannot be reached, write a partial lock naming each",
            "missing file and why (for port generation without that network); no offline repository is written"})
    boolean partial;

    @Override
    public Integer call() {
        List<String> args = mavenArgs.isEmpty() ? MavenArgs.DEFAULT : mavenArgs;
        ClosureEngine.Result result = ClosureEngine.resolve(new ClosureEngine.Request(source.toAbsolutePath(), args,
                mavenVersion, Defaults.javaHome(javaHome), Defaults.cache(cache), UserSettings.read(settings), allowHttp, record, check, partial),
                out.toAbsolutePath(), lock.toAbsolutePath());
        System.out.printf("%d files (%.1f MB) from %d repositories pinned in %s; %s%n",
                result.lock().files().size(), result.lock().totalSize() / 1e6, result.lock().repositories().size(), lock,
                result.lock().isComplete() ? "offline repository " + out + (check ? " (offline build checked)" : "")
                        : "PARTIAL: " + result.lock().unverified().size() + " files could not be obtained (listed in the lock);"
                                + " no offline repository was written");
        System.out.printf("downloaded this run: %d files, %.1f MB; run-time artifacts %s%n", result.downloadedFiles(),
                result.downloadedBytes() / 1e6, result.recording().description);
        return 0;
    }
}
