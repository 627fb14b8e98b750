package org.portkit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.portkit.closure.ClosureEngine;
import org.portkit.failure.Failure;
import org.portkit.failure.PortkitException;
import org.portkit.io.Destination;
import org.portkit.license.LicenseSummary;
import org.portkit.lock.LockFile;
import org.portkit.maven.MavenArgs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Option(names = "--check", description = "prove the result: run the build offline with only the closure before writing anything")
    boolean check;

    @Option(names = "--force", description = "replace --out and --lock even if they hold what portkit did not write")
    boolean force;

    @Mixin
    ResolveOptions options;

    @Override
    public Integer call() {
        List<String> args = mavenArgs.isEmpty() ? MavenArgs.DEFAULT : mavenArgs;
        ClosureEngine.Request request = options.request(source, args, check);
        Path repository = out.toAbsolutePath().normalize();
        Path lockFile = lock.toAbsolutePath().normalize();
        refuseToReplace(repository, lockFile, request);
        ClosureEngine.Result result = ClosureEngine.resolve(request, repository, lockFile);
        report(result, lock, out, check);
        return 0;
    }

    /**
     * Before any work: --out and --lock are replaced only where portkit may write (see
     * {@link Destination}), and never so that the source, the cache or the lock go with --out.
     */
    private void refuseToReplace(Path repository, Path lockFile, ClosureEngine.Request request) {
        for (Path mustSurvive : List.of(request.source().normalize(), request.cache().toAbsolutePath().normalize(), lockFile)) {
            if (mustSurvive.startsWith(repository)) {
                throw new PortkitException(Failure.BAD_INPUT, "--out " + repository + " would replace " + mustSurvive
                        + " with the offline repository: name a directory that holds neither the source, the cache nor the lock");
            }
        }
        Destination.directory(repository, "--out", force);
        Destination.file(lockFile, "--lock", LockFile.SIGNATURE, force);
    }

    /** The summary of a resolve, shared with lock. */
    static void report(ClosureEngine.Result result, Path lock, Path out, boolean check) {
        System.out.printf("%d files (%.1f MB) from %d repositories pinned in %s; %s%n",
                result.lock().files().size(), result.lock().totalSize() / 1e6, result.lock().repositories().size(), lock,
                result.lock().isComplete()
                        ? (out != null ? "offline repository " + out : "closure complete") + (check ? " (offline build checked)" : "")
                        : "PARTIAL: " + result.lock().unverified().size() + " files could not be obtained (listed in the lock);"
                                + " no offline repository was written");
        System.out.printf("downloaded this run: %d files, %.1f MB; run-time artifacts %s%n", result.downloadedFiles(),
                result.downloadedBytes() / 1e6, result.recording().description);
        LicenseSummary licenses = LicenseSummary.of(result.lock());
        System.out.printf("licenses of the %d jar artifacts in the build closure: %d unknown, %d non-free%s%n",
                licenses.artifacts(), licenses.unknown().size(), licenses.nonFree().size(),
                licenses.isClear() ? "" : " (their 'license' lines in the lock say why)");
    }
}
