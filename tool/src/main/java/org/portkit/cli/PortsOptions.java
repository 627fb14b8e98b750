package org.portkit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Which ports a command works on: the same for generate, check and lock. */
final class PortsOptions {
    @Parameters(paramLabel = "SPEC-DIR", description = "spec directories (default: all under specs/)")
    List<Path> specs = new ArrayList<>();

    @Option(names = "--root", paramLabel = "DIR", description = "the portkit tree (default: .)")
    Path root = Path.of(".");

    List<Ports.Port> load() throws java.io.IOException {
        return ports().load(specs);
    }

    Ports ports() {
        return new Ports(root);
    }
}
