package org.portkit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.portkit.closure.ClosureEngine;
import org.portkit.closure.ResolveReport;
import org.portkit.failure.Failure;
import org.portkit.failure.PortkitException;
import org.portkit.io.Destination;
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
        ResolveReport.lines(result, lock, out, check).forEach(System.out::println);
        return 0;
    }

    /**
     * Before any work: --out and --lock are replaced only where portkit may write (see
     * {@link Destination}), and never so that the source, the cache or the lock go with --out.
     */
    private void refuseToReplace(Path repository, Path lockFile, ClosureEngine.Request request) {
        for (Path mustSurvive : List.of(request.source().normalize(), request.cache().root().toAbsolutePath().normalize(), lockFile)) {
            if (mustSurvive.startsWith(repository)) {
                throw new PortkitException(Failure.BAD_INPUT, "--out " + repository + " would replace " + mustSurvive
                        + " with the offline repository: name a directory that holds neither the source, the cache nor the lock");
            }
        }
        Destination.directory(repository, "--out", force);
        Destination.file(lockFile, "--lock", LockFile.SIGNATURE, force);
    }
}
