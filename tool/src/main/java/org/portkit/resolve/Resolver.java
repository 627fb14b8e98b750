package org.portkit.resolve;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.eclipse.aether.ConfigurationProperties;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession.CloseableSession;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.collection.DependencySelector;
import org.eclipse.aether.graph.DependencyFilter;
import org.eclipse.aether.graph.DependencyNode;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.repository.RepositoryPolicy;
import org.eclipse.aether.repository.WorkspaceReader;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.resolution.ResolutionErrorPolicy;
import org.eclipse.aether.resolution.VersionRangeRequest;
import org.eclipse.aether.resolution.VersionRangeResolutionException;
import org.eclipse.aether.resolution.VersionRangeResult;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.supplier.SessionBuilderSupplier;
import org.eclipse.aether.util.graph.selector.AndDependencySelector;
import org.eclipse.aether.util.repository.SimpleResolutionErrorPolicy;
import org.portkit.failure.Failure;
import org.portkit.failure.PortkitException;
import org.portkit.io.Network;

/**
 * Maven Resolver configured the way portkit needs it: a cache of its own, split by repository so
 * that equal coordinates from different repositories never mix; every release checked once and
 * then taken from the cache (a warm run makes no request); checksums required and verified.
 * Every artifact it delivers is written to the {@link FetchLog}, which is what the closure is made of.
 */
public final class Resolver implements AutoCloseable {
    /**
     * The repository checksum verified for every download. Maven Central publishes SHA-1 for every
     * file, SHA-256/512 only for some; probing for those first cost a 404 round trip per file
     * (measured: a cold resolve of examples/hello-daemon took 17.0 s instead of 9.5 s). The lock's
     * own SHA-256 is computed by portkit from the bytes, whatever the repository publishes.
     */
    private static final String CHECKSUMS = CachedFile.ALGORITHM;

    private final RepositorySystem system;
    private final CloseableSession session;
    private final FetchLog log;
    private final boolean allowHttp;
    private final Problems problems;

    private Resolver(RepositorySystem system, CloseableSession session, FetchLog log, Problems problems,
            boolean allowHttp) {
        this.system = system;
        this.session = session;
        this.log = log;
        this.problems = problems;
        this.allowHttp = allowHttp;
    }

    /**
     * @param cache portkit's download cache (a resolver local repository)
     * @param settings the user's settings.xml: mirrors, proxies, credentials
     * @param userProperties {@code -D} properties of the build, for profile activation in dependency POMs
     * @param platform system properties of the platform the build runs on, over the host's: the JDK's
     *     {@code java.version} and the target's {@code os.*}, for profiles of dependency POMs
     * @param workspace the reactor's own modules, which are built rather than downloaded
     */
    public static Resolver open(Path cache, UserSettings settings, Map<String, String> userProperties,
            Map<String, String> platform, WorkspaceReader workspace, boolean allowHttp, Progress progress) {
        RepositorySystem system = new RepositorySystemSupplier().get();
        Problems problems = new Problems();
        FetchLog log = new FetchLog(problems);
        Properties systemProperties = new Properties();
        systemProperties.putAll(System.getProperties());
        systemProperties.putAll(platform);
        RepositorySystemSession.SessionBuilder builder = new SessionBuilderSupplier(system).get()
                .withLocalRepositoryBaseDirectories(cache)
                .setOffline(false)
                .setChecksumPolicy(RepositoryPolicy.CHECKSUM_POLICY_FAIL)
                .setUpdatePolicy(RepositoryPolicy.UPDATE_POLICY_NEVER)
                .setResolutionErrorPolicy(new SimpleResolutionErrorPolicy(ResolutionErrorPolicy.CACHE_NOT_FOUND))
                .setSystemProperties(systemProperties)
                .setUserProperties(userProperties)
                .setConfigProperty("aether.enhancedLocalRepository.split", true)
                .setConfigProperty("aether.enhancedLocalRepository.splitRemoteRepository", true)
                .setConfigProperty("aether.checksums.algorithms", CHECKSUMS)
                // The cache is split by repository id AND a hash of its URL: a POM that reuses an id for another
                // URL must not be handed the files cached from the first one.
                .setConfigProperty("aether.system.repositoryKeyFunction", "nid_hurl")
                .setConfigProperty(ConfigurationProperties.CONNECT_TIMEOUT, Network.CONNECT_TIMEOUT_MS)
                .setConfigProperty(ConfigurationProperties.REQUEST_TIMEOUT, Network.silenceTimeoutMillis())
                .setConfigProperty("aether.connector.userAgent", "portkit")
                .setMirrorSelector(settings.mirrorSelector())
                .setProxySelector(settings.proxySelector())
                .setAuthenticationSelector(settings.authenticationSelector())
                .setWorkspaceReader(workspace)
                .withRepositoryListener(log)
                .withTransferListener(progress);
        return new Resolver(system, builder.build(), log, problems, allowHttp);
    }

    public FetchLog log() {
        return log;
    }

    public Problems problems() {
        return problems;
    }

    public RepositorySystem system() {
        return system;
    }

    public RepositorySystemSession session() {
        return session;
    }

    /** Applies mirrors, proxies and credentials; refuses plain http unless allowed. */
    public List<RemoteRepository> effective(Collection<RemoteRepository> declared) {
        List<RemoteRepository> result = new ArrayList<>();
        for (RemoteRepository r : system.newResolutionRepositories(session, new ArrayList<>(declared))) {
            if (r.getUrl().startsWith("http:") && !allowHttp) {
                throw new PortkitException(Failure.BAD_INPUT, "repository '" + r.getId() + "' at " + r.getUrl()
                        + " is plain http: its bytes can be changed in transit. Use its https URL, or pass --allow-http"
                        + " if you trust the network path (e.g. a repository on loopback)");
            }
            result.add(r);
        }
        return result;
    }

    /** A repository whose files are checked once and must carry checksums. */
    public static RemoteRepository repository(String id, String url, boolean releases, boolean snapshots) {
        RepositoryPolicy releasePolicy = new RepositoryPolicy(releases, RepositoryPolicy.UPDATE_POLICY_NEVER,
                RepositoryPolicy.CHECKSUM_POLICY_FAIL);
        RepositoryPolicy snapshotPolicy = new RepositoryPolicy(snapshots, RepositoryPolicy.UPDATE_POLICY_NEVER,
                RepositoryPolicy.CHECKSUM_POLICY_FAIL);
        return new RemoteRepository.Builder(id, "default", url).setReleasePolicy(releasePolicy)
                .setSnapshotPolicy(snapshotPolicy).build();
    }

    /** Resolves artifacts, recording each failure in {@link #problems()} rather than stopping at the first. */
    public List<ArtifactResult> resolve(List<ArtifactRequest> requests) {
        try {
            return system.resolveArtifacts(session, requests);
        } catch (ArtifactResolutionException e) {
            problems.add(e.getResults());
            return e.getResults().stream().filter(ArtifactResult::isResolved).toList();
        }
    }

    /**
     * Resolves one artifact from one repository for a client that tries repositories in turn (the
     * recording mirror): "not found" is an answer, not a problem; transfer and checksum failures are.
     */
    public ArtifactResult tryResolve(Artifact artifact, RemoteRepository repository) {
        try {
            ArtifactResult result = system.resolveArtifact(session, new ArtifactRequest(artifact, List.of(repository), null));
            // A file that failed its check against the recorded checksum is a problem already, never served.
            return log.isVerified(repository, org.portkit.m2.Layout.path(result.getArtifact())) ? result : null;
        } catch (ArtifactResolutionException e) {
            for (ArtifactResult r : e.getResults()) {
                for (Exception x : r.getExceptions()) {
                    if (!(x instanceof org.eclipse.aether.transfer.ArtifactNotFoundException)) {
                        problems.add(artifact, x);
                    }
                }
            }
            return null;
        }
    }

    public java.nio.file.Path tryMetadata(org.eclipse.aether.metadata.Metadata metadata, RemoteRepository repository) {
        var results = system.resolveMetadata(session,
                List.of(new org.eclipse.aether.resolution.MetadataRequest(metadata, repository, null)));
        return results.get(0).isResolved() ? results.get(0).getMetadata().getPath() : null;
    }

    public ArtifactResult resolve(Artifact artifact, List<RemoteRepository> repositories) {
        List<ArtifactResult> r = resolve(List.of(new ArtifactRequest(artifact, repositories, null)));
        return r.isEmpty() ? null : r.get(0);
    }

    /** Collects and resolves a dependency graph; failures go to {@link #problems()}. */
    /** The graph after Maven's mediation (as far as it got when something failed, which is recorded). */
    public DependencyNode resolveGraph(CollectRequest collect, DependencyFilter filter) {
        return resolveGraph(collect, null, filter);
    }

    /**
     * Collects and resolves a graph as {@link #resolveGraph(CollectRequest, DependencyFilter)} does,
     * where {@code selector} (unless null) decides too which dependencies are collected at all, as
     * Maven adds selectors of its own to a plugin's resolution.
     */
    public DependencyNode resolveGraph(CollectRequest collect, DependencySelector selector, DependencyFilter filter) {
        RepositorySystemSession collecting = selector == null ? session : new DefaultRepositorySystemSession(session)
                .setDependencySelector(AndDependencySelector.newInstance(session.getDependencySelector(), selector));
        try {
            return system.resolveDependencies(collecting, new DependencyRequest(collect, filter)).getRoot();
        } catch (DependencyResolutionException e) {
            problems.add(e);
            return e.getResult() == null ? null : e.getResult().getRoot();
        }
    }

    public VersionRangeResult versions(Artifact artifact, List<RemoteRepository> repositories) {
        try {
            return system.resolveVersionRange(session, new VersionRangeRequest(artifact, repositories, null));
        } catch (VersionRangeResolutionException e) {
            problems.add(artifact, e);
            return e.getResult();
        }
    }

    @Override
    public void close() {
        session.close();
        system.shutdown();
    }
}
