package org.portkit.resolve;

import org.apache.maven.model.Repository;
import org.apache.maven.model.RepositoryPolicy;
import org.eclipse.aether.repository.RemoteRepository;

/** A POM's {@code <repository>} as the resolver needs it, keeping its release and snapshot switches. */
public final class Repositories {
    private Repositories() {}

    public static RemoteRepository of(Repository r) {
        return Resolver.repository(r.getId(), r.getUrl(), enabled(r.getReleases(), true),
                enabled(r.getSnapshots(), true));
    }

    private static boolean enabled(RepositoryPolicy policy, boolean byDefault) {
        return policy == null || policy.getEnabled() == null ? byDefault : Boolean.parseBoolean(policy.getEnabled().trim());
    }
}
