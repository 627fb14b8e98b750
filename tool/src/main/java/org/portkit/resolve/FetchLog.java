package org.portkit.resolve;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.aether.AbstractRepositoryListener;
import org.eclipse.aether.RepositoryEvent;
import org.eclipse.aether.repository.RemoteRepository;

/**
 * Every artifact the resolver delivered from a remote repository during this run, whether it came
 * over the network or from the cache: POMs of parents and BOMs read while building models,
 * dependency POMs read while collecting graphs, and every file resolved.
 */
public final class FetchLog extends AbstractRepositoryListener {
    private final Map<String, Fetched> fetched = new ConcurrentHashMap<>();

    @Override
    public void artifactResolved(RepositoryEvent event) {
        if (event.getException() == null && event.getPath() != null
                && event.getRepository() instanceof RemoteRepository remote) {
            Repository repository = Repository.of(remote);
            String path = Layout.path(event.getArtifact());
            fetched.putIfAbsent(repository.id() + ' ' + path, new Fetched(repository, path, event.getPath()));
        }
    }

    public List<Fetched> all() {
        return List.copyOf(fetched.values());
    }
}
