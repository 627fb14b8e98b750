package org.portkit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.portkit.workspace.Tree;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Which ports a command works on: the same for generate, check and lock. */
final class PortsOptions {
    @Parameters(paramLabel = "SPEC-DIR", description = "spec directories (default: all under specs/)")
    List<Path> specs = new ArrayList<>();

    @Option(names = "--root", paramLabel = "DIR", description = "the portkit tree (default: .)")
    Path root = Path.of(".");

    List<Tree.Port> load() throws java.io.IOException {
        return tree().load(specs);
    }

    Tree tree() {
        return new Tree(root);
    }
}
