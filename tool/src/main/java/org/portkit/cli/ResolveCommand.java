package org.portkit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.portkit.closure.ClosureEngine;
import org.portkit.closure.ResolveReport;
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

    @Mixin
    ResolveOptions options;

    @Override
    public Integer call() {
        List<String> args = mavenArgs.isEmpty() ? MavenArgs.DEFAULT : mavenArgs;
        ClosureEngine.Result result = ClosureEngine.resolve(options.request(source, args, check), out.toAbsolutePath(),
                lock.toAbsolutePath());
        ResolveReport.lines(result, lock, out, check).forEach(System.out::println);
        return 0;
    }
}
