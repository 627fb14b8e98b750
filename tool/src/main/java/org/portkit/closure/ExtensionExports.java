package org.portkit.closure;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * The artifacts a build extension exports to the project ({@code <exportedArtifacts>} of {@code
 * META-INF/maven/extension.xml} in its jar, {@code groupId:artifactId} or {@code artifactId}): Maven
 * 3.9 leaves them out of the resolution of every plugin of that project, as the extension provides
 * them (DefaultProjectBuildingHelper). An extension without the descriptor exports none.
 */
final class ExtensionExports {
    static final String DESCRIPTOR = "META-INF/maven/extension.xml";

    private ExtensionExports() {}

    static Set<String> of(Path jar) {
        Set<String> exported = new TreeSet<>();
        JarDescriptor.read(jar, DESCRIPTOR).filter(root -> "extension".equals(root.getName()))
                .map(extension -> extension.getChild("exportedArtifacts")).ifPresent(list -> {
            for (Xpp3Dom artifact : list.getChildren()) {
                if (artifact.getValue() != null && !artifact.getValue().isBlank()) {
                    exported.add(artifact.getValue().trim());
                }
            }
        });
        return exported;
    }
}
