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

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Writes ports/CATEGORY/NAME from each spec directory (port.conf, portkit.lock, configuration",
                "samples); by default every spec under specs/. The port directory is replaced whole."})
final class GenerateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SPEC-DIR", description = "spec directories (default: all under specs/)")
    List<Path> specs = new ArrayList<>();

    @Option(names = "--root", paramLabel = "DIR", description = "the portkit tree (default: .)")
    Path root = Path.of(".");

    @Override
    public Integer call() throws Exception {
        for (Ports.Port port : new Ports(root).load(specs)) {
            PortTree.write(port.files(), port.dir());
            System.out.println("wrote " + root.relativize(root.resolve("ports/" + port.path())) + " (" + port.files().size() + " files)");
            PortGenerator.unverified(port.spec(), port.lock()).forEach(u -> System.out.println("  unverified (no checksum yet): " + u));
        }
        return 0;
    }
}
