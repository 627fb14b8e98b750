package org.portkit.model;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.repository.WorkspaceReader;
import org.eclipse.aether.repository.WorkspaceRepository;

/**
 * Tells the resolver which artifacts the reactor builds itself, so that inter-module dependencies
 * are read from the source tree and never looked up in a repository.
 */
public final class ReactorWorkspace implements WorkspaceReader {
    private final WorkspaceRepository repository = new WorkspaceRepository("reactor");
    private final Map<String, Path> poms;

    public ReactorWorkspace(Map<String, Path> poms) {
        this.poms = poms;
    }

    @Override
    public WorkspaceRepository getRepository() {
        return repository;
    }

    @Override
    public File findArtifact(Artifact artifact) {
        Path pom = poms.get(artifact.getGroupId() + ':' + artifact.getArtifactId() + ':' + artifact.getBaseVersion());
        if (pom == null) {
            return null;
        }
        // Only the POM is read during resolution; other files of a module do not exist before the build.
        return "pom".equals(artifact.getExtension()) ? pom.toFile() : pom.getParent().toFile();
    }

    @Override
    public List<String> findVersions(Artifact artifact) {
        return poms.containsKey(artifact.getGroupId() + ':' + artifact.getArtifactId() + ':' + artifact.getBaseVersion())
                ? List.of(artifact.getBaseVersion()) : List.of();
    }
}
