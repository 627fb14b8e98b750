package org.portkit.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.stream.Stream;
import org.portkit.failure.Failure;
import org.portkit.failure.PortkitException;
import org.portkit.license.LicenseSummary;
import org.portkit.lock.Lock;
import org.portkit.lock.LockFile;
import org.portkit.port.GeneratedPort;
import org.portkit.port.SpecFile;
import org.portkit.port.SpecPaths;
import org.portkit.port.kind.Bundle;
import org.portkit.port.kind.PortSpec;
import org.portkit.site.SiteTemplates;

/**
 * A portkit tree, the one place its layout is spelled: {@code specs/CATEGORY/NAME/port.conf} and
 * {@code portkit.lock} beside it, the port generated into {@code ports/CATEGORY/NAME}.
 */
public record Tree(Path root) {
    static final String SPECS = "specs";
    static final String PORTS = "ports";
    static final String SPEC = "port.conf";
    static final String LOCK = "portkit.lock";

    /** One spec directory and the port it generates into {@code dir}. */
    public record Port(Path specDir, Lock lock, Path dir, GeneratedPort generated) {
        /** CATEGORY/NAME. */
        public String path() {
            return generated.path();
        }

        public SortedMap<String, String> files() {
            return generated.files();
        }
    }

    /** Where the spec in {@code specDir} keeps its port.conf and its lock. */
    public static SpecPaths paths(Path specDir) {
        return new SpecPaths(specDir, specDir.resolve(SPEC), specDir.resolve(LOCK));
    }

    /** The spec in {@code specDir}, of whichever kind its port.conf names. */
    public static PortSpec spec(Path specDir) {
        return PortSpec.parse(SpecFile.read(paths(specDir)), Tree::setup);
    }

    /** The spec {@code text} gives as the port.conf in {@code specDir}. */
    public static PortSpec spec(Path specDir, String text) {
        return PortSpec.parse(SpecFile.parse(paths(specDir), text), Tree::setup);
    }

    /** What a meta port ships to configure its parts: Jitsi Meet's site, for www/jitsi-meta. */
    private static Bundle setup() {
        return new Bundle(SiteTemplates.setupScript(), SiteTemplates.shipped());
    }

    /** Spec directories given, or every directory under specs/ holding a port.conf, each with its port. */
    public List<Port> load(List<Path> specDirs) throws IOException {
        LicenseSummary.prepare(); // a generated port's Makefile summarises its lock's licenses
        return specDirs(specDirs).stream().map(this::load).toList();
    }

    /** Spec directories given, or every directory under specs/ holding a port.conf. */
    public List<Path> specDirs(List<Path> specDirs) throws IOException {
        List<Path> dirs = specDirs;
        if (dirs.isEmpty()) {
            Path specs = root.resolve(SPECS);
            if (!Files.isDirectory(specs)) {
                throw new PortkitException(Failure.BAD_INPUT, "no " + SPECS + "/ directory in " + root.toAbsolutePath());
            }
            try (Stream<Path> walk = Files.walk(specs)) {
                dirs = walk.filter(p -> p.getFileName().toString().equals(SPEC)).map(Path::getParent).sorted().toList();
            }
        }
        return dirs;
    }

    /** A port named on the command line: a spec directory, or CATEGORY/NAME under specs/. */
    public Path specDir(String port) {
        Path given = Path.of(port);
        Path named = root.resolve(SPECS).resolve(port);
        for (Path dir : List.of(given, named)) {
            if (Files.isRegularFile(paths(dir).file())) {
                return dir;
            }
        }
        throw new PortkitException(Failure.BAD_INPUT, "no port " + port + ": neither " + given + " nor " + named
                + " holds a " + SPEC);
    }

    /** The port a spec directory generates, from its port.conf and its lock. */
    public Port load(Path specDir) {
        PortSpec spec = spec(specDir);
        Path lock = paths(specDir).lock();
        if (!Files.exists(lock)) {
            throw new PortkitException(Failure.BAD_INPUT, spec.header().path() + " has no lock yet: " + lock
                    + " does not exist; run 'portkit lock " + specDir + "'");
        }
        return port(spec, LockFile.read(lock));
    }

    /** The port a spec and a lock generate, in memory. */
    public Port port(PortSpec spec, Lock lock) {
        GeneratedPort generated = spec.generate(lock);
        return new Port(spec.header().paths().dir(), lock, portDir(generated.path()), generated);
    }

    /** Where the port CATEGORY/NAME is written. */
    public Path portDir(String path) {
        return root.resolve(PORTS).resolve(path);
    }
}
