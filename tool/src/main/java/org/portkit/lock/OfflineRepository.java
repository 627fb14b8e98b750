package org.portkit.lock;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
    private OfflineRepository() {}

    /**
     * Writes the repository beside {@code dir} and renames it into place, replacing the old one.
     *
     * @param source where each locked file's bytes are (cache, distfiles); each is hashed again on copy
     */
    public static void write(Lock lock, Function<LockEntry, Path> source, Path dir) {
        Path staged = stage(lock, source, dir);
        try {
            AtomicFiles.replaceDirectory(staged, dir);
        } catch (IOException e) {
            throw new PortkitException(Failure.INTERNAL, "cannot write repository " + dir + ": " + e.getMessage(), e);
        } finally {
            discard(staged);
        }
    }

    /**
     * Writes the repository into a new hidden sibling of {@code dir}, for the caller to check and
     * then move into place with {@link AtomicFiles#replaceDirectory}, or {@link #discard}.
     */
    public static Path stage(Lock lock, Function<LockEntry, Path> source, Path dir) {
        Path staged = null;
        try {
            Path parent = Files.createDirectories(dir.toAbsolutePath().getParent());
            staged = Files.createTempDirectory(parent, "." + dir.getFileName() + ".");
            populate(lock, source, staged);
            return staged;
        } catch (IOException e) {
            discard(staged);
            throw new PortkitException(Failure.INTERNAL, "cannot write repository " + dir + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            discard(staged);
            throw e;
        }
    }

    public static void discard(Path staged) {
        try {
            if (staged != null) {
                AtomicFiles.deleteTree(staged);
            }
        } catch (IOException ignored) {
            // a hidden leftover is harmless: the next stage uses a new name
        }
    }

    private static void populate(Lock lock, Function<LockEntry, Path> source, Path root) throws IOException {
        for (LockEntry e : lock.files()) {
            Path from = source.apply(e);
            Path to = root.resolve(e.path());
            Files.createDirectories(to.getParent());
            Files.copy(from, to);
            String actual = Hashing.sha256(to);
            if (!actual.equals(e.sha256())) {
                throw new PortkitException(Failure.CHECKSUM, from + " (" + e.path() + ") has SHA-256 " + actual
                        + " but the lock says " + e.sha256() + ": the file is corrupt or was replaced."
                        + " Delete it and resolve again.");
            }
        }
        for (Map.Entry<String, String> m : metadata(lock).entrySet()) {
            Path to = root.resolve(m.getKey());
            Files.createDirectories(to.getParent());
            Files.writeString(to, m.getValue());
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
