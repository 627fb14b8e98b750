package org.portkit.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.portkit.build.PortBuild;
import org.portkit.cache.Cache;
import org.portkit.maven.MavenDistribution;
import org.portkit.resolve.Progress;
import org.portkit.resolve.UserSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Runs a generated port's steps here as bsd.port.mk would: fetch (checking distinfo),",
                "extract EXTRACT_ONLY into WRKDIR (WRKDIST from DISTNAME or DIST_TUPLE), lay out $${WRKDIR}/m2,",
                "build with Maven offline, install into a fake root (SUBST applied), compare with pkg/PLIST.",
                "Each step is reported; the first failure stops it."})
final class BuildCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PORT-DIR", description = "a generated port, e.g. ports/net/jicofo")
    Path port;

    @Option(names = "--distfiles", paramLabel = "DIR", description = "DISTDIR (default: <cache>/distfiles)")
    Path distfiles;

    @Option(names = "--work", paramLabel = "DIR", description = "WRKDIR, emptied first (default: <cache>/wrk/<port>)")
    Path work;

    @Option(names = "--cache", paramLabel = "DIR", description = "portkit's cache (default: $PORTKIT_CACHE, else ~/.cache/portkit)")
    Path cache;

    @Option(names = "--java-home", paramLabel = "DIR", description = "JDK for the build (default: $JAVA_HOME, else this JVM)")
    Path javaHome;

    @Option(names = "--site", paramLabel = "NAME=URL", description = {"fetch SITES.NAME's distfiles from URL instead,",
            "as SITES.NAME in mk.conf would (e.g. github=http://127.0.0.1:8080/ for a mirror)"})
    Map<String, String> sites = new TreeMap<>();

    @Override
    public Integer call() throws Exception {
        Cache cacheDir = Cache.of(cache);
        PortBuild build = new PortBuild(port, sites);
        PortBuild.Report report = (step, what) -> System.out.println("===> " + step + ": " + what);
        Path distdir = distfiles != null ? distfiles : cacheDir.distfiles();
        build.fetch(distdir, report);
        MavenDistribution maven = MavenDistribution.obtain(MavenDistribution.DEFAULT_VERSION, cacheDir,
                UserSettings.none(), false, Progress.quiet());
        Path wrk = work != null ? work : cacheDir.wrk().resolve(port.toAbsolutePath().getFileName().toString());
        build.build(distdir, wrk, maven, Defaults.javaHome(javaHome), report);
        return 0;
    }
}
