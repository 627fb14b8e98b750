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
 *
 * <p>Each file is checked against its recorded repository checksum the first time this run sees
 * it, and hashed for the lock in the same pass ({@link CachedFile}). A file that fails is not
 * logged: it goes to {@link Problems} as a checksum failure, so it is neither pinned nor served.
 */
public final class FetchLog extends AbstractRepositoryListener {
    private final Map<String, Fetched> fetched = new ConcurrentHashMap<>();
    private final Set<String> metadata = ConcurrentHashMap.newKeySet();
    private final Set<String> changed = ConcurrentHashMap.newKeySet();
    private final Problems problems;

    FetchLog(Problems problems) {
        this.problems = problems;
    }

    @Override
    public void artifactResolved(RepositoryEvent event) {
        if (event.getException() == null && event.getPath() != null
                && event.getRepository() instanceof RemoteRepository remote) {
            Repository repository = Repository.of(remote);
            String path = Layout.path(event.getArtifact());
            String key = repository.id() + ' ' + path;
            if (fetched.containsKey(key) || changed.contains(key)) {
                return;
            }
            try {
                CachedFile.Digest digest = CachedFile.verify(event.getPath());
                fetched.putIfAbsent(key, new Fetched(repository, path, event.getPath(), digest.sha256(), digest.size()));
                problems.obtained(path);
            } catch (CachedFile.ChangedException e) {
                changed.add(key);
                problems.changedInCache(event.getArtifact(), remote, e.getMessage());
            }
        }
    }

    /** Whether {@code file}, delivered by the resolver as {@code repository}'s, passed its check. */
    public boolean isVerified(RemoteRepository repository, String path) {
        return fetched.containsKey(Repository.of(repository).id() + ' ' + path);
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
