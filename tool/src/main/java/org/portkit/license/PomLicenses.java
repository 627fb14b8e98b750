package org.portkit.license;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.maven.model.Model;
import org.apache.maven.model.Parent;
import org.apache.maven.model.io.xpp3.MavenXpp3Reader;
import org.codehaus.plexus.util.xml.pull.XmlPullParserException;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.portkit.lock.License;
import org.portkit.lock.Lock;
import org.portkit.lock.LockEntry;
import org.portkit.lock.Unverified;
import org.portkit.m2.Layout;

/**
 * The license of every jar artifact in a lock ({@code GROUP:ARTIFACT:VERSION}, pinned or
 * unverified), read from its POM: the POM's own {@code <licenses>}, or else its parent's, as Maven
 * inherits them. Parents are found by coordinates among the lock's files, where the model builder
 * put them when it read the POMs.
 *
 * <p>The raw POMs are read ({@link MavenXpp3Reader}), not effective models: building those needs
 * every import and profile resolved, which a partial lock cannot offer, and license declarations
 * are literal in practice. A POM whose license mentions a property therefore stays UNKNOWN with
 * its {@code ${...}} text, which says what happened.
 *
 * <p>Which of these artifacts end up in the package the lock cannot tell (plugins and build tools
 * are jars too): this is an inventory of the build closure, and is worded so downstream.
 */
public final class PomLicenses {
    private final Map<String, LockEntry> pinned = new HashMap<>();
    private final Set<String> unverified = new HashSet<>();
    private final Function<LockEntry, Path> files;
    /** By POM path: many artifacts share their parents. */
    private final Map<String, License> memo = new HashMap<>();

    private PomLicenses(Lock lock, Function<LockEntry, Path> files) {
        lock.files().forEach(e -> pinned.put(e.path(), e));
        lock.unverified().forEach(u -> unverified.add(u.path()));
        this.files = files;
    }

    /**
     * Starts reading the SPDX list beside the caller's work: matching POM wording needs all of it, about
     * a second and a half, which a run that locks can spend while its build runs instead of after.
     */
    public static void prepare() {
        SpdxList.readAhead();
    }

    /**
     * @param files where each pinned file's bytes are: the resolver cache while locking, a
     *     repository directory in tests
     * @return {@code GROUP:ARTIFACT:VERSION} to the license its POM declares, for every jar
     */
    public static SortedMap<String, License> of(Lock lock, Function<LockEntry, Path> files) {
        PomLicenses reader = new PomLicenses(lock, files);
        Set<String> paths = new LinkedHashSet<>();
        lock.files().forEach(e -> paths.add(e.path()));
        lock.unverified().stream().map(Unverified::path).forEach(paths::add);
        SortedMap<String, License> out = new TreeMap<>();
        for (String path : paths) {
            Artifact a = Layout.artifact(path);
            if (a != null && a.getExtension().equals("jar")) {
                out.computeIfAbsent(a.getGroupId() + ':' + a.getArtifactId() + ':' + a.getVersion(),
                        gav -> reader.license(a.getGroupId(), a.getArtifactId(), a.getVersion(), new LinkedHashSet<>()));
            }
        }
        return out;
    }

    /** @param seen the POMs on the way here, so that a parent cycle ends */
    private License license(String groupId, String artifactId, String version, Set<String> seen) {
        String path = pom(groupId, artifactId, version);
        License known = memo.get(path);
        if (known != null) {
            return known;
        }
        String missing = missing(path);
        License found = missing != null ? License.unknown(missing)
                : !seen.add(path) ? License.unknown("parent cycle at " + groupId + ':' + artifactId + ':' + version)
                : declared(read(files.apply(pinned.get(path))), seen);
        memo.put(path, found);
        return found;
    }

    /** The model's own licenses, else its parent's. */
    private License declared(Model model, Set<String> seen) {
        if (model == null) {
            return License.unknown("unreadable POM");
        }
        if (!model.getLicenses().isEmpty()) {
            return Spdx.identify(model.getLicenses().stream().map(l -> new Spdx.Declared(l.getName(), l.getUrl())).toList());
        }
        Parent parent = model.getParent();
        if (parent == null) {
            return License.unknown("none declared");
        }
        String missing = missing(pom(parent.getGroupId(), parent.getArtifactId(), parent.getVersion()));
        return missing != null ? License.unknown(missing + " (parent " + parent.getGroupId() + ':' + parent.getArtifactId()
                        + ':' + parent.getVersion() + ")")
                : license(parent.getGroupId(), parent.getArtifactId(), parent.getVersion(), seen);
    }

    /** Why the lock has no bytes for this POM, or null when it has. */
    private String missing(String path) {
        return pinned.containsKey(path) ? null : unverified.contains(path) ? "not fetched" : "POM not in the lock";
    }

    private static String pom(String groupId, String artifactId, String version) {
        return Layout.path(new DefaultArtifact(groupId, artifactId, "", "pom", version));
    }

    /** The raw model, leniently parsed as Maven reads repository POMs; null when it is not a POM. */
    private static Model read(Path pom) {
        try (InputStream in = Files.newInputStream(pom)) {
            return new MavenXpp3Reader().read(in, false);
        } catch (IOException | XmlPullParserException e) {
            return null;
        }
    }
}
