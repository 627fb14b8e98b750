package org.portkit.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.stream.Stream;
import org.portkit.failure.Failure;
import org.portkit.failure.PortkitException;
import org.portkit.lock.Lock;
import org.portkit.lock.LockFile;
import org.portkit.port.AppPortGenerator;
import org.portkit.port.AppSpec;
import org.portkit.port.GeneratedPort;
import org.portkit.port.MetaPortGenerator;
import org.portkit.port.MetaSpec;
import org.portkit.port.PortGenerator;
import org.portkit.port.PortSpec;

/** Where specs and generated ports live in a portkit tree, shared by generate, check, lock and update. */
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
                throw new PortkitException(Failure.BAD_INPUT, "no specs/ directory in " + root.toAbsolutePath());
            }
            try (Stream<Path> walk = Files.walk(specs)) {
                dirs = walk.filter(p -> p.getFileName().toString().equals(PortSpec.FILE)).map(Path::getParent).sorted().toList();
            }
        }
        return dirs;
    }

    /** A port named on the command line: a spec directory, or CATEGORY/NAME under specs/. */
    Path specDir(String port) {
        Path given = Path.of(port);
        Path named = root.resolve("specs").resolve(port);
        for (Path dir : List.of(given, named)) {
            if (Files.isRegularFile(dir.resolve(PortSpec.FILE))) {
                return dir;
            }
        }
        throw new PortkitException(Failure.BAD_INPUT, "no port " + port + ": neither " + given + " nor " + named
                + " holds a " + PortSpec.FILE);
    }

    /** The port a spec directory generates, its port.conf read once. */
    Port load(Path specDir) {
        return port(specDir, PortSpec.text(specDir), LockFile.read(specDir.resolve(PortSpec.LOCK)));
    }

    /** The port port.conf's {@code text} in {@code specDir} and a lock generate, in memory: a daemon, application or meta port. */
    Port port(Path specDir, String text, Lock lock) {
        GeneratedPort generated = MetaSpec.isMeta(specDir, text) ? MetaPortGenerator.generate(MetaSpec.parse(specDir, text), lock)
                : AppSpec.isApp(specDir, text) ? AppPortGenerator.generate(AppSpec.parse(specDir, text), lock)
                : PortGenerator.generate(PortSpec.parse(specDir, text), lock);
        return new Port(specDir, lock, portDir(generated.path()), generated);
    }

    /** Where the port CATEGORY/NAME is written. */
    Path portDir(String path) {
        return root.resolve("ports").resolve(path);
    }
}
