package org.portkit.resolve;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.aether.AbstractRepositoryListener;
import org.eclipse.aether.RepositoryEvent;
import org.eclipse.aether.metadata.Metadata;
import org.eclipse.aether.repository.RemoteRepository;
import org.portkit.m2.Layout;

/**
 * Every artifact the resolver delivered from a remote repository during this run, whether it came
 * over the network or from the cache: POMs of parents and BOMs read while building models,
 * dependency POMs read while collecting graphs, and every file resolved. Also the directories
 * whose repository metadata was read (for ranges, plugin versions and prefixes): an offline build
 * reads the same ones.
 */
public final class FetchLog extends AbstractRepositoryListener {
    private final Map<String, Fetched> fetched = new ConcurrentHashMap<>();
    private final Set<String> metadata = ConcurrentHashMap.newKeySet();

    @Override
    public void artifactResolved(RepositoryEvent event) {
        if (event.getException() == null && event.getPath() != null
                && event.getRepository() instanceof RemoteRepository remote) {
            Repository repository = Repository.of(remote);
            String path = Layout.path(event.getArtifact());
            fetched.putIfAbsent(repository.id() + ' ' + path, new Fetched(repository, path, event.getPath()));
        }
    }

    @Override
    public void metadataResolved(RepositoryEvent event) {
        Metadata m = event.getMetadata();
        if (event.getException() == null && event.getPath() != null && event.getRepository() instanceof RemoteRepository
                && m.getVersion().isEmpty()) {
            String dir = m.getGroupId().replace('.', '/') + (m.getArtifactId().isEmpty() ? "" : "/" + m.getArtifactId());
            metadata.add(dir);
        }
    }

    /** Repository directories ("org/jxmpp/jxmpp-core", "org/apache/maven/plugins") whose metadata was read. */
    public Set<String> metadata() {
        return new TreeSet<>(metadata);
    }

    public List<Fetched> all() {
        return List.copyOf(fetched.values());
    }
}
