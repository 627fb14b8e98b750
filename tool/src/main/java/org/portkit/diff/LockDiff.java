package org.portkit.diff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.maven.artifact.versioning.ComparableVersion;
import org.eclipse.aether.artifact.Artifact;
import org.portkit.lock.Lock;
import org.portkit.lock.LockEntry;
import org.portkit.m2.Layout;

/**
 * How one lock differs from another, as a reviewer reads it: per {@code groupId:artifactId}, the
 * versions added, removed or replaced, and the same versions with other files or other bytes;
 * repositories added and dropped; Maven version, arguments, unverified files and totals before and
 * after. Every list is sorted, so the same two locks always give the same changelog.
 *
 * @param artifacts artifact changes, by artifact
 * @param repositoriesAdded {@code "ID URL"} only in the new lock (a changed URL is dropped and added)
 * @param repositoriesDropped {@code "ID URL"} only in the old lock
 * @param licenses artifacts whose POMs declare other licenses than before, by artifact
 */
public record LockDiff(
        Side before,
        Side after,
        List<ArtifactChange> artifacts,
        SortedSet<String> repositoriesAdded,
        SortedSet<String> repositoriesDropped,
        List<LicenseChange> licenses,
        List<String> distfiles) {

    /** What one lock says in aggregate. */
    public record Side(String maven, List<String> args, int files, long bytes, int unverified) {}

    /**
     * ADDED or REMOVED: on one side only. VERSIONS: on both, in other versions (upgraded, downgraded,
     * or a version more or fewer). CHANGED: the same versions, with files added, removed or replaced.
     */
    public enum Kind { ADDED, REMOVED, VERSIONS, CHANGED }

    /**
     * One {@code groupId:artifactId} (a file outside the Maven layout stands for itself, with no version).
     *
     * @param before its versions in the old lock, in Maven's order (empty when added)
     * @param after its versions in the new lock (empty when removed)
     * @param files for ADDED and REMOVED, the kinds of file ({@code [classifier:]extension}) it has;
     *     otherwise, in versions on both sides, what changed: {@code "1.0 sources:jar added"},
     *     {@code "1.0 jar removed"}, {@code "1.0 jar has other bytes"}, {@code "1.0 pom now from central (was jitsi)"}
     */
    public record ArtifactChange(Kind kind, String artifact, List<String> before, List<String> after, List<String> files) {}

    /**
     * A {@code groupId:artifactId} in both locks whose versions there declare other licenses: an
     * upgrade under the same license is no change, one that moves to another license is. Each side
     * is the license (its lock line's text), or where versions differ, {@code "VERSION: LICENSE"}
     * for each, separated by "; ". Only artifacts with license lines on both sides are compared, so
     * a lock made before licenses were recorded reports none.
     */
    public record LicenseChange(String artifact, String before, String after) {}

    public boolean isEmpty() {
        return artifacts.isEmpty() && licenses.isEmpty() && distfiles.isEmpty() && repositoriesAdded.isEmpty() && repositoriesDropped.isEmpty()
                && before.maven().equals(after.maven()) && before.args().equals(after.args())
                && before.unverified() == after.unverified();
    }

    /**
     * No lock at all: what a port's lock is compared with where the other side has none. Its Maven
     * version is empty, which no lock read from a file has.
     */
    public static final Lock NONE = new Lock("", List.of(), new TreeMap<>(), new TreeSet<>(), new TreeSet<>(), new TreeSet<>());

    private static final Comparator<String> MAVEN_ORDER = Comparator.comparing(ComparableVersion::new);

    public static LockDiff between(Lock old, Lock now) {
        Map<String, SortedMap<String, SortedMap<String, LockEntry>>> was = byArtifact(old);
        Map<String, SortedMap<String, SortedMap<String, LockEntry>>> is = byArtifact(now);
        TreeSet<String> names = new TreeSet<>(was.keySet());
        names.addAll(is.keySet());
        List<ArtifactChange> changes = new ArrayList<>();
        for (String name : names) {
            SortedMap<String, SortedMap<String, LockEntry>> a = was.getOrDefault(name, new TreeMap<>());
            SortedMap<String, SortedMap<String, LockEntry>> b = is.getOrDefault(name, new TreeMap<>());
            List<String> before = List.copyOf(a.keySet());
            List<String> after = List.copyOf(b.keySet());
            if (a.isEmpty() || b.isEmpty()) {
                SortedMap<String, SortedMap<String, LockEntry>> present = a.isEmpty() ? b : a;
                TreeSet<String> kinds = new TreeSet<>();
                present.values().forEach(files -> kinds.addAll(files.keySet()));
                changes.add(new ArtifactChange(a.isEmpty() ? Kind.ADDED : Kind.REMOVED, name, before, after, List.copyOf(kinds)));
                continue;
            }
            List<String> inPlace = inPlace(a, b);
            if (!before.equals(after)) {
                changes.add(new ArtifactChange(Kind.VERSIONS, name, before, after, inPlace));
            } else if (!inPlace.isEmpty()) {
                changes.add(new ArtifactChange(Kind.CHANGED, name, before, after, inPlace));
            }
        }
        return new LockDiff(side(old), side(now), List.copyOf(changes), difference(repositories(now), repositories(old)),
                difference(repositories(old), repositories(now)), licenseChanges(old, now), distfileChanges(old, now));
    }

    /** The port's other pinned distfiles (source archives, a meta port's archives): "NAME pinned", ... */
    private static List<String> distfileChanges(Lock old, Lock now) {
        TreeSet<String> names = new TreeSet<>();
        old.sources().forEach(s -> names.add(s.name()));
        now.sources().forEach(s -> names.add(s.name()));
        List<String> out = new ArrayList<>();
        for (String name : names) {
            var a = old.source(name);
            var b = now.source(name);
            if (a.isEmpty()) {
                out.add(name + " pinned (" + b.get().size() + " bytes)");
            } else if (b.isEmpty()) {
                out.add(name + " no longer pinned");
            } else if (!a.equals(b)) {
                out.add(name + " has other bytes");
            }
        }
        return out;
    }

    private static List<LicenseChange> licenseChanges(Lock old, Lock now) {
        Map<String, SortedMap<String, String>> was = licenses(old);
        Map<String, SortedMap<String, String>> is = licenses(now);
        List<LicenseChange> out = new ArrayList<>();
        was.forEach((artifact, a) -> {
            SortedMap<String, String> b = is.get(artifact);
            if (b != null && !new TreeSet<>(a.values()).equals(new TreeSet<>(b.values()))) {
                out.add(new LicenseChange(artifact, describe(a), describe(b)));
            }
        });
        return out;
    }

    /** artifact → version (Maven order) → license, as the lock line says it. */
    private static Map<String, SortedMap<String, String>> licenses(Lock lock) {
        Map<String, SortedMap<String, String>> out = new TreeMap<>();
        lock.licenses().forEach((gav, license) -> {
            int last = gav.lastIndexOf(':');
            out.computeIfAbsent(gav.substring(0, last), n -> new TreeMap<>(MAVEN_ORDER)).put(gav.substring(last + 1), license.text());
        });
        return out;
    }

    private static String describe(SortedMap<String, String> byVersion) {
        if (new TreeSet<>(byVersion.values()).size() == 1) {
            return byVersion.values().iterator().next();
        }
        List<String> each = new ArrayList<>();
        byVersion.forEach((version, license) -> each.add(version + ": " + license));
        return String.join("; ", each);
    }

    /** Differences within the versions both sides have. */
    private static List<String> inPlace(SortedMap<String, SortedMap<String, LockEntry>> a,
            SortedMap<String, SortedMap<String, LockEntry>> b) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, SortedMap<String, LockEntry>> v : a.entrySet()) {
            SortedMap<String, LockEntry> other = b.get(v.getKey());
            if (other == null) {
                continue;
            }
            TreeSet<String> kinds = new TreeSet<>(v.getValue().keySet());
            kinds.addAll(other.keySet());
            for (String kind : kinds) {
                LockEntry x = v.getValue().get(kind);
                LockEntry y = other.get(kind);
                String change = x == null ? "added" : y == null ? "removed"
                        : !x.sha256().equals(y.sha256()) || x.size() != y.size() ? "has other bytes"
                        : !x.repository().equals(y.repository()) ? "now from " + y.repository() + " (was " + x.repository() + ")"
                        : null;
                if (change != null) {
                    out.add((v.getKey().isEmpty() ? "" : v.getKey() + " ") + kind + " " + change);
                }
            }
        }
        return out;
    }

    /** artifact → version (Maven order) → kind of file → entry. */
    private static Map<String, SortedMap<String, SortedMap<String, LockEntry>>> byArtifact(Lock lock) {
        Map<String, SortedMap<String, SortedMap<String, LockEntry>>> out = new TreeMap<>();
        for (LockEntry e : lock.files()) {
            Artifact a = Layout.artifact(e.path());
            String name = a == null ? e.path() : a.getGroupId() + ":" + a.getArtifactId();
            String version = a == null ? "" : a.getVersion();
            String kind = a == null ? "file" : (a.getClassifier().isEmpty() ? "" : a.getClassifier() + ":") + a.getExtension();
            out.computeIfAbsent(name, n -> new TreeMap<>(MAVEN_ORDER)).computeIfAbsent(version, v -> new TreeMap<>())
                    .put(kind, e);
        }
        return out;
    }

    private static Side side(Lock lock) {
        // A lock of distfiles alone (a meta port's) has no Maven: "-", never "" (which is NONE's).
        return new Side(lock.mavenVersion() == null ? "-" : lock.mavenVersion(), lock.mavenArgs(), lock.files().size(), lock.totalSize(), lock.unverified().size());
    }

    private static SortedSet<String> repositories(Lock lock) {
        TreeSet<String> out = new TreeSet<>();
        lock.repositories().forEach((id, url) -> out.add(id + " " + url));
        return out;
    }

    private static SortedSet<String> difference(SortedSet<String> a, SortedSet<String> b) {
        TreeSet<String> out = new TreeSet<>(a);
        out.removeAll(b);
        return out;
    }
}
