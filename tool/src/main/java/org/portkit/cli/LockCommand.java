package org.portkit.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.portkit.failure.Failure;
import org.portkit.failure.PortkitException;
import org.portkit.workspace.LockWorkflow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "lock", mixinStandardHelpOptions = true,
        description = {"Locks each spec and regenerates its port: downloads the source archive the spec names into",
                "<cache>/distfiles and pins its checksum, computes the closure of the offline build with the spec's",
                "Maven arguments, proves it by building offline, then writes SPEC-DIR/portkit.lock and ports/.",
                "A spec with a deps-archive block also gets the closure as one archive in <cache>/distfiles, pinned.",
                "On a machine that reaches every repository this is the one command that completes a partial port."})
final class LockCommand implements Callable<Integer> {
    @Mixin
    PortsOptions ports;

    @Mixin
    ResolveOptions options;

    @Option(names = "--source-tree", paramLabel = "PATH",
            description = {"resolve from this copy of the source (a checkout or a locally made archive) instead of",
                    "downloading the distfile; the source distfile then stays unverified. One spec only."})
    Path sourceTree;

    @Option(names = "--check", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "build offline with only the closure before writing anything (default: on; never with --partial)")
    boolean check = true;

    @Override
    public Integer call() throws Exception {
        List<Path> dirs = ports.tree().specDirs(ports.specs);
        if (sourceTree != null && dirs.size() != 1) {
            throw new PortkitException(Failure.USAGE, "--source-tree is the source of one spec: name exactly one SPEC-DIR");
        }
        LockWorkflow workflow = new LockWorkflow(ports.tree(),
                options.lockRequest(check && !options.partial, Optional.ofNullable(sourceTree)), System.out::println);
        for (Path dir : dirs) {
            workflow.lock(dir);
        }
        return 0;
    }
}
