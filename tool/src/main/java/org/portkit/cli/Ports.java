package org.portkit.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.stream.Stream;
import org.portkit.lock.Lock;
import org.portkit.lock.LockFile;
import org.portkit.port.GeneratedPort;
import org.portkit.port.PortGenerator;
import org.portkit.port.PortSpec;

/** Where specs and generated ports live in a portkit tree, shared by generate, check and lock. */
record Ports(Path root) {
    /** One spec directory and the port it generates into {@code dir}. */
    record Port(Path specDir, Lock lock, Path dir, GeneratedPort generated) {
        String path() {
            return generated.path();
        }

        SortedMap<String, String> files() {
            return generated.files();
        }
    }

    /** Spec directories given, or every directory under specs/ holding a port.conf, each with its port. */
    List<Port> load(List<Path> specDirs) throws IOException {
        return specDirs(specDirs).stream().map(this::load).toList();
    }

    /** Spec directories given, or every directory under specs/ holding a port.conf. */
    List<Path> specDirs(List<Path> specDirs) throws IOException {
        List<Path> dirs = specDirs;
        if (dirs.isEmpty()) {
            Path specs = root.resolve("specs");
            if (!Files.isDirectory(specs)) {
                throw new PortkitException(ExitStatus.BAD_INPUT, "no specs/ directory in " + root.toAbsolutePath());
            }
            try (Stream<Path> walk = Files.walk(specs)) {
                dirs = walk.filter(p -> p.getFileName().toString().equals(PortSpec.FILE)).map(Path::getParent).sorted().toList();
            }
        }
        return dirs;
    }

    Port load(Path specDir) {
        PortSpec spec = PortSpec.read(specDir);
        Lock lock = LockFile.read(specDir.resolve(PortSpec.LOCK));
        GeneratedPort generated = PortGenerator.generate(spec, lock);
        return new Port(specDir, lock, root.resolve("ports").resolve(generated.path()), generated);
    }
}
