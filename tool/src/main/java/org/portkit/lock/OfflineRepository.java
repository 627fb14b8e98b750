package org.portkit.lock;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.maven.artifact.repository.metadata.Metadata;
import org.apache.maven.artifact.repository.metadata.Plugin;
import org.apache.maven.artifact.repository.metadata.Versioning;
import org.apache.maven.artifact.repository.metadata.io.xpp3.MetadataXpp3Writer;
import org.apache.maven.artifact.versioning.ComparableVersion;
import org.eclipse.aether.artifact.Artifact;
import org.portkit.failure.Failure;
import org.portkit.failure.PortkitException;
import org.portkit.io.AtomicFiles;
import org.portkit.io.Destination;
import org.portkit.io.Hashing;
import org.portkit.m2.Layout;

/**
 * Lays a lock out as a Maven local repository that {@code mvn -o} accepts with nothing else.
 *
 * <p>Files carry no {@code _remote.repositories}: Maven treats untracked files as installed
 * locally, so the offline build does not care which repository ids its POMs name. Version ranges,
 * version-less plugins and plugin prefixes need repository metadata offline; it is written as
 * {@code maven-metadata-local.xml} for the directories the lock says the build reads, derived from
 * the lock alone (only pinned versions, no timestamps), so the same lock always gives the same bytes.
 */
public final class OfflineRepository {
    private static final java.util.Set<java.nio.file.attribute.PosixFilePermission> FILE =
            PosixFilePermissions.fromString("rw-r--r--");
    private static final java.util.Set<java.nio.file.attribute.PosixFilePermission> DIRECTORY =
            PosixFilePermissions.fromString("rwxr-xr-x");

    private OfflineRepository() {}

    /**
     * Writes the repository beside {@code dir} and renames it into place, replacing the old one.
     *
     * @param source where each locked file's bytes are (cache, distfiles); each is hashed again on copy
     */
    public static void write(Lock lock, Function<LockEntry, Path> source, Path dir) {
        Path staged = null;
        try {
            staged = Files.createTempDirectory(Files.createDirectories(dir.toAbsolutePath().getParent()),
                    "." + dir.getFileName() + ".");
            populate(lock, source, staged);
            AtomicFiles.replaceDirectory(staged, dir);
        } catch (IOException e) {
            throw new PortkitException(Failure.INTERNAL, "cannot write repository " + dir + ": " + e.getMessage(), e);
        } finally {
            try {
                if (staged != null) {
                    AtomicFiles.deleteTree(staged);
                }
            } catch (IOException ignored) {
                // a hidden leftover is harmless: the next write uses a new name
            }
        }
    }

    /**
     * Lays the repository out in the new, empty directory {@code root}, which the caller renames into
     * place once it is checked: every locked file hashed as it is copied (a file whose bytes are not
     * the lock's is refused), the derived metadata, and portkit's {@link Destination#MARKER}; files
     * 0644 and directories 0755, as every file portkit generates.
     */
    public static void populate(Lock lock, Function<LockEntry, Path> source, Path root) throws IOException {
        for (LockEntry e : lock.files()) {
            Path from = source.apply(e);
            Path to = root.resolve(e.path());
            Files.createDirectories(to.getParent());
            String actual = Hashing.copy(from, to, "SHA-256");
            if (!actual.equals(e.sha256())) {
                throw new PortkitException(Failure.CHECKSUM, from + " (" + e.path() + ") has SHA-256 " + actual
                        + " but the lock says " + e.sha256() + ": the file is corrupt or was replaced."
                        + " Delete it and resolve again.");
            }
            Files.setPosixFilePermissions(to, FILE);
        }
        for (Map.Entry<String, String> m : metadata(lock).entrySet()) {
            Path to = root.resolve(m.getKey());
            Files.createDirectories(to.getParent());
            Files.writeString(to, m.getValue());
            Files.setPosixFilePermissions(to, FILE);
        }
        Destination.mark(root, "an offline Maven repository written by portkit from a lock; the next resolve replaces it");
        Files.setPosixFilePermissions(root.resolve(Destination.MARKER), FILE);
        try (java.util.stream.Stream<Path> walk = Files.walk(root)) {
            for (Path dir : (Iterable<Path>) walk.filter(Files::isDirectory)::iterator) {
                Files.setPosixFilePermissions(dir, DIRECTORY);
            }
        }
    }

    /** Repository-relative path of each {@code maven-metadata-local.xml} to its content. */
    public static Map<String, String> metadata(Lock lock) {
        Map<String, Metadata> byDir = new TreeMap<>();
        for (LockEntry e : lock.files()) {
            Artifact a = Layout.artifact(e.path());
            String dir = a == null ? null : a.getGroupId().replace('.', '/') + '/' + a.getArtifactId();
            if (dir == null || !lock.metadata().contains(dir)) {
                continue;
            }
            Metadata m = byDir.computeIfAbsent(dir, d -> new Metadata());
            m.setGroupId(a.getGroupId());
            m.setArtifactId(a.getArtifactId());
            if (m.getVersioning() == null) {
                m.setVersioning(new Versioning());
            }
            if (!m.getVersioning().getVersions().contains(a.getVersion())) {
                m.getVersioning().addVersion(a.getVersion());
            }
        }
        for (PluginPrefix p : lock.prefixes()) {
            String dir = p.groupId().replace('.', '/');
            if (!lock.metadata().contains(dir)) {
                continue;
            }
            Metadata m = byDir.computeIfAbsent(dir, d -> new Metadata());
            Plugin plugin = new Plugin();
            plugin.setPrefix(p.prefix());
            plugin.setArtifactId(p.artifactId());
            plugin.setName(p.artifactId());
            m.addPlugin(plugin);
        }
        Map<String, String> files = new TreeMap<>();
        for (Map.Entry<String, Metadata> e : byDir.entrySet()) {
            Versioning v = e.getValue().getVersioning();
            if (v != null) {
                v.getVersions().sort((x, y) -> new ComparableVersion(x).compareTo(new ComparableVersion(y)));
                String newest = v.getVersions().get(v.getVersions().size() - 1);
                v.setLatest(newest);
                v.setRelease(newest);
            }
            StringWriter out = new StringWriter();
            try {
                new MetadataXpp3Writer().write(out, e.getValue());
            } catch (IOException x) {
                throw new IllegalStateException(x);
            }
            files.put(e.getKey() + "/maven-metadata-local.xml", out.toString());
        }
        return files;
    }
}
