package org.portkit.m2;

import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;

/** The Maven 2 repository layout, both ways: coordinates to path and path back to coordinates. */
public final class Layout {
    private Layout() {}

    public static String path(Artifact a) {
        StringBuilder p = new StringBuilder(a.getGroupId().replace('.', '/')).append('/')
                .append(a.getArtifactId()).append('/').append(a.getBaseVersion()).append('/')
                .append(a.getArtifactId()).append('-').append(a.getVersion());
        if (!a.getClassifier().isEmpty()) {
            p.append('-').append(a.getClassifier());
        }
        return p.append('.').append(a.getExtension()).toString();
    }

    /**
     * Parses {@code g/r/o/u/p/artifact/version/artifact-version[-classifier].ext}; null when the path is
     * not an artifact (metadata, checksums, directories).
     */
    public static Artifact artifact(String path) {
        String[] parts = path.split("/");
        if (parts.length < 4) {
            return null;
        }
        String file = parts[parts.length - 1];
        String version = parts[parts.length - 2];
        String artifactId = parts[parts.length - 3];
        String prefix = artifactId + "-" + version;
        if (!file.startsWith(prefix) || file.length() == prefix.length()) {
            return null;
        }
        String rest = file.substring(prefix.length());
        String classifier = "";
        if (rest.startsWith("-")) {
            int dot = rest.indexOf('.');
            if (dot < 0) {
                return null;
            }
            classifier = rest.substring(1, dot);
            rest = rest.substring(dot);
        }
        if (!rest.startsWith(".") || rest.length() == 1) {
            return null;
        }
        String groupId = String.join(".", java.util.Arrays.copyOf(parts, parts.length - 3));
        return new DefaultArtifact(groupId, artifactId, classifier, rest.substring(1), version);
    }
}
