package org.portkit.cli;

import java.util.concurrent.Callable;
import org.portkit.port.PortTree;
import org.portkit.workspace.Tree;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Writes ports/CATEGORY/NAME from each spec directory (port.conf, portkit.lock, configuration",
                "samples); by default every spec under specs/. The port directory is replaced whole."})
final class GenerateCommand implements Callable<Integer> {
    @Mixin
    PortsOptions ports;

    @Override
    public Integer call() throws Exception {
        for (Tree.Port port : ports.load()) {
            PortTree.write(port.files(), port.dir());
            System.out.println("wrote " + "ports/" + port.path() + " (" + port.files().size() + " files)");
            port.generated().unverified().forEach(u -> System.out.println("  unverified (no checksum yet): " + u));
        }
        return 0;
    }
}
