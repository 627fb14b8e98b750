package org.portkit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.portkit.port.PortGenerator;
import org.portkit.port.PortTree;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Regenerates every port in memory and compares it with ports/: exit 0 when current,",
                "otherwise a unified diff and exit 7. Names the distfiles that are still unverified."})
final class CheckCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SPEC-DIR", description = "spec directories (default: all under specs/)")
    List<Path> specs = new ArrayList<>();

    @Option(names = "--root", paramLabel = "DIR", description = "the portkit tree (default: .)")
    Path root = Path.of(".");

    @Override
    public Integer call() throws Exception {
        boolean stale = false;
        for (Ports.Port port : new Ports(root).load(specs)) {
            String diff = PortTree.diff("ports/" + port.path(), PortTree.read(port.dir()), port.files());
            if (!diff.isEmpty()) {
                stale = true;
                System.out.print(diff);
            }
            PortGenerator.unverified(port.spec()).forEach(u -> System.out.println(port.path() + ": unverified (no checksum yet): " + u));
        }
        if (stale) {
            throw new PortkitException(ExitStatus.STALE, "ports differ from their specs and locks (diff above);"
                    + " run 'portkit generate' and commit the result");
        }
        return 0;
    }
}
