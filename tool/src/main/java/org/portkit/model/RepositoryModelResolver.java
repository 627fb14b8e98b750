package org.portkit.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Parent;
import org.apache.maven.model.Repository;
import org.apache.maven.model.building.FileModelSource;
import org.apache.maven.model.building.ModelSource;
import org.apache.maven.model.resolution.ModelResolver;
import org.apache.maven.model.resolution.UnresolvableModelException;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.VersionRangeResult;
import org.portkit.resolve.Repositories;
import org.portkit.resolve.Resolver;

/**
 * Lets Maven's model builder fetch parents and imported BOMs through portkit's resolver (so they
 * are recorded in the closure), and find reactor POMs in the source tree first.
 */
final class RepositoryModelResolver implements ModelResolver {
    private final Resolver resolver;
    private final Map<String, Path> reactor;
    private final List<RemoteRepository> repositories;

    RepositoryModelResolver(Resolver resolver, Map<String, Path> reactor, List<RemoteRepository> repositories) {
        this.resolver = resolver;
        this.reactor = reactor;
        this.repositories = new ArrayList<>(repositories);
    }

    @Override
    public ModelSource resolveModel(String groupId, String artifactId, String version) throws UnresolvableModelException {
        Path local = reactor.get(groupId + ':' + artifactId + ':' + version);
        if (local != null) {
            return new FileModelSource(local.toFile());
        }
        ArtifactResult r = resolver.resolve(new DefaultArtifact(groupId, artifactId, "", "pom", version),
                resolver.effective(repositories));
        if (r == null || !r.isResolved()) {
            throw new UnresolvableModelException("POM " + groupId + ':' + artifactId + ':' + version
                    + " could not be obtained (see the list of artifacts below)", groupId, artifactId, version);
        }
        return new FileModelSource(r.getArtifact().getPath().toFile());
    }

    @Override
    public ModelSource resolveModel(Parent parent) throws UnresolvableModelException {
        parent.setVersion(pin(parent.getGroupId(), parent.getArtifactId(), parent.getVersion()));
        return resolveModel(parent.getGroupId(), parent.getArtifactId(), parent.getVersion());
    }

    @Override
    public ModelSource resolveModel(Dependency dependency) throws UnresolvableModelException {
        dependency.setVersion(pin(dependency.getGroupId(), dependency.getArtifactId(), dependency.getVersion()));
        return resolveModel(dependency.getGroupId(), dependency.getArtifactId(), dependency.getVersion());
    }

    /** A version range picks its highest match, as Maven does for parents and imports. */
    private String pin(String groupId, String artifactId, String version) throws UnresolvableModelException {
        if (version == null || !(version.startsWith("[") || version.startsWith("("))) {
            return version;
        }
        VersionRangeResult range = resolver.versions(
                new DefaultArtifact(groupId, artifactId, "", "pom", version), resolver.effective(repositories));
        if (range == null || range.getHighestVersion() == null) {
            throw new UnresolvableModelException("no version of " + groupId + ':' + artifactId + " within " + version,
                    groupId, artifactId, version);
        }
        return range.getHighestVersion().toString();
    }

    @Override
    public void addRepository(Repository repository) {
        addRepository(repository, false);
    }

    @Override
    public void addRepository(Repository repository, boolean replace) {
        RemoteRepository r = Repositories.of(repository);
        for (int i = 0; i < repositories.size(); i++) {
            if (repositories.get(i).getId().equals(r.getId())) {
                if (replace) {
                    repositories.set(i, r);
                }
                return;
            }
        }
        repositories.add(r);
    }

    @Override
    public ModelResolver newCopy() {
        return new RepositoryModelResolver(resolver, reactor, repositories);
    }
}
