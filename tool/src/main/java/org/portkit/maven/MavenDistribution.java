package org.portkit.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.portkit.cache.Cache;
import org.portkit.failure.Failure;
import org.portkit.failure.PortkitException;
import org.portkit.io.Archives;
import org.portkit.io.AtomicFiles;
import org.portkit.resolve.Progress;
import org.portkit.resolve.Resolver;
import org.portkit.resolve.UserSettings;

/**
 * The Maven a closure is computed for and checked with: {@code org.apache.maven:apache-maven:V:bin:tar.gz}
 * from Maven Central, verified by the resolver and unpacked once into portkit's cache.
 */
public final class MavenDistribution {
    public static final String DEFAULT_VERSION = "3.9.16";

    private final String version;
    private final Path home;

    private MavenDistribution(String version, Path home) {
        this.version = version;
        this.home = home;
    }

    /**
     * The distribution from the cache, or from Maven Central (the super POM's repository, with the
     * settings' mirrors and proxies) into the cache.
     */
    public static MavenDistribution obtain(String version, Cache cache, UserSettings settings, boolean allowHttp,
            Progress progress) {
        // A resolver of its own, so that Maven's own download never enters a project's closure.
        try (Resolver bootstrap = Resolver.open(cache.repository(), settings, Map.of(), Map.of("java.version", "17"), null,
                allowHttp, progress)) {
            return obtain(version, cache, bootstrap, SuperPom.repositories().get(0));
        }
    }

    private static MavenDistribution obtain(String version, Cache cache, Resolver resolver, RemoteRepository central) {
        Path home = cache.maven().resolve("apache-maven-" + version);
        if (!Files.isExecutable(home.resolve("bin/mvn"))) {
            ArtifactResult r = resolver.resolve(
                    new DefaultArtifact("org.apache.maven", "apache-maven", "bin", "tar.gz", version),
                    resolver.effective(List.of(central)));
            resolver.problems().throwIfAny("Maven " + version + " distribution");
            unpack(r.getArtifact().getPath(), home);
        }
        return new MavenDistribution(version, home);
    }

    private static void unpack(Path archive, Path home) {
        try {
            Path staging = Files.createTempDirectory(home.getParent() == null ? home : createParent(home), ".unpack");
            Archives.extract(archive, staging);
            Path top;
            try (Stream<Path> list = Files.list(staging)) {
                top = list.filter(Files::isDirectory).findFirst()
                        .orElseThrow(() -> new IOException(archive + " has no top directory"));
            }
            top.resolve("bin/mvn").toFile().setExecutable(true);
            AtomicFiles.replaceDirectory(top, home);
            AtomicFiles.deleteTree(staging);
        } catch (IOException e) {
            throw new PortkitException(Failure.INTERNAL, "cannot unpack " + archive + " into " + home + ": " + e.getMessage(), e);
        }
    }

    private static Path createParent(Path home) throws IOException {
        return Files.createDirectories(home.getParent());
    }

    public String version() {
        return version;
    }

    public Path home() {
        return home;
    }

    public Path mvn() {
        return home.resolve("bin/mvn");
    }

    public Lifecycles lifecycles() {
        return Lifecycles.read(home.resolve("lib/maven-core-" + version + ".jar"));
    }
}
