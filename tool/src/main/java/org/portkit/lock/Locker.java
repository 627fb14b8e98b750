package org.portkit.lock;

import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import javax.xml.parsers.DocumentBuilderFactory;
import org.eclipse.aether.artifact.Artifact;
import org.portkit.failure.Failure;
import org.portkit.failure.PortkitException;
import org.portkit.m2.Layout;
import org.portkit.resolve.Fetched;

/**
 * Pins a closure: writes down every fetched file's SHA-256 (computed as its repository checksum was
 * verified, see {@link Fetched}) and where it came from.
 */
public final class Locker {
    /** Preferred when the same bytes came from several repositories: the one every mirror carries. */
    private static final String CENTRAL = "central";

    private Locker() {}

    /**
     * @param metadata repository directories whose metadata the build read
     */
    public static Lock lock(String mavenVersion, List<String> args, Collection<Fetched> fetched,
            Collection<String> metadata) {
        TreeSet<String> snapshots = new TreeSet<>();
        fetched.stream().filter(f -> f.path().matches(".*/[^/]*-SNAPSHOT/[^/]*")).forEach(f -> snapshots.add("  " + f.path()));
        if (!snapshots.isEmpty()) {
            throw new PortkitException(Failure.BAD_INPUT, "the build needs SNAPSHOT artifacts from outside the reactor,"
                    + " which change without notice and cannot be pinned:\n" + String.join("\n", snapshots)
                    + "\nDepend on released versions.");
        }
        Map<String, Fetched> byPath = new TreeMap<>();
        TreeSet<String> conflicts = new TreeSet<>();
        for (Fetched f : fetched.stream().sorted((a, b) -> a.repository().id().compareTo(b.repository().id())).toList()) {
            Fetched seen = byPath.get(f.path());
            if (seen == null) {
                byPath.put(f.path(), f);
            } else if (!seen.sha256().equals(f.sha256())) {
                conflicts.add("  " + f.path() + ": " + seen.repository().id() + " and " + f.repository().id());
            } else if (f.repository().id().equals(CENTRAL)) {
                byPath.put(f.path(), f);
            }
        }
        if (!conflicts.isEmpty()) {
            throw new PortkitException(Failure.CHECKSUM, "repositories serve different bytes under the same coordinates,"
                    + " so an offline build could not tell which is meant:\n" + String.join("\n", conflicts)
                    + "\nRemove the repository that republishes these artifacts, or exclude them.");
        }
        TreeMap<String, String> repositories = new TreeMap<>();
        TreeSet<LockEntry> files = new TreeSet<>();
        TreeSet<PluginPrefix> prefixes = new TreeSet<>();
        for (Fetched f : byPath.values()) {
            repositories.put(f.repository().id(), f.repository().url());
            files.add(new LockEntry(f.repository().id(), f.path(), f.sha256(), f.size()));
            PluginPrefix prefix = prefix(f);
            if (prefix != null) {
                prefixes.add(prefix);
            }
        }
        return new Lock(mavenVersion, args, repositories, prefixes, new TreeSet<>(metadata), files);
    }

    /** The goal prefix a Maven plugin jar declares, or null for any other file. */
    private static PluginPrefix prefix(Fetched f) {
        Artifact a = Layout.artifact(f.path());
        if (a == null || !a.getExtension().equals("jar") || !a.getClassifier().isEmpty()) {
            return null;
        }
        try (JarFile jar = new JarFile(f.file().toFile())) {
            ZipEntry descriptor = jar.getEntry("META-INF/maven/plugin.xml");
            if (descriptor == null) {
                return null;
            }
            try (InputStream in = jar.getInputStream(descriptor)) {
                DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
                dbf.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
                var nodes = dbf.newDocumentBuilder().parse(in).getDocumentElement().getElementsByTagName("goalPrefix");
                String prefix = nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().trim();
                return prefix.isEmpty() ? null : new PluginPrefix(a.getGroupId(), prefix, a.getArtifactId());
            }
        } catch (Exception e) {
            return null; // not a readable jar: not a plugin as far as prefixes go
        }
    }
}
