package org.portkit.closure;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.maven.model.Build;
import org.apache.maven.model.Extension;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.ArtifactType;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.DependencyFilter;
import org.eclipse.aether.graph.DependencyNode;
import org.eclipse.aether.graph.Exclusion;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactDescriptorException;
import org.eclipse.aether.resolution.ArtifactDescriptorRequest;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.VersionRangeResult;
import org.eclipse.aether.util.filter.AndDependencyFilter;
import org.eclipse.aether.util.filter.ExclusionsDependencyFilter;
import org.eclipse.aether.util.filter.ScopeDependencyFilter;
import org.portkit.failure.Failure;
import org.portkit.failure.PortkitException;
import org.portkit.maven.Lifecycles;
import org.portkit.maven.MavenArgs;
import org.portkit.model.Module;
import org.portkit.model.Reactor;
import org.portkit.resolve.Repositories;
import org.portkit.resolve.Resolver;

/**
 * What can be known from the POMs alone: each module's dependencies (all scopes, with management,
 * exclusions, optional and classifiers), the plugins its packaging binds by default in this Maven
 * for the requested phases, the plugins it declares with their own dependencies, build extensions,
 * and plugins named on the command line. Everything resolved lands in the resolver's fetch log.
 * What plugins resolve while they run is not visible here: {@link BuildRecorder} covers that.
 */
public final class StaticClosure {
    private final Resolver resolver;
    private final Lifecycles lifecycles;
    private final MavenArgs args;
    private final List<RemoteRepository> extraRepositories;
    private final List<RemoteRepository> extraPluginRepositories;
    private final SortedSet<String> runtime = new TreeSet<>();
    /** What of a plugin's or extension's graph Maven resolves: the scopes it leaves out, as its own resolver says. */
    private static final DependencyFilter PLUGIN_SCOPES = new ScopeDependencyFilter("provided", "test");

    public StaticClosure(Resolver resolver, Lifecycles lifecycles, MavenArgs args,
            List<RemoteRepository> settingsRepositories, List<RemoteRepository> settingsPluginRepositories) {
        this.resolver = resolver;
        this.lifecycles = lifecycles;
        this.args = args;
        this.extraRepositories = settingsRepositories;
        this.extraPluginRepositories = settingsPluginRepositories;
    }

    public void resolve(Reactor reactor) {
        refuseSnapshots(reactor);
        for (Module module : reactor.modules()) {
            Model model = module.model();
            List<RemoteRepository> repositories = repositories(model.getRepositories(), extraRepositories);
            List<RemoteRepository> pluginRepositories = repositories(model.getPluginRepositories(), extraPluginRepositories);

            CollectRequest dependencies = new CollectRequest();
            dependencies.setRootArtifact(new DefaultArtifact(model.getGroupId(), model.getArtifactId(), "pom", model.getVersion()));
            model.getDependencies().stream().filter(d -> !"system".equals(d.getScope()))
                    .forEach(d -> dependencies.addDependency(dependency(d)));
            if (model.getDependencyManagement() != null) {
                model.getDependencyManagement().getDependencies().forEach(d -> dependencies.addManagedDependency(dependency(d)));
            }
            dependencies.setRepositories(repositories);
            runtime(resolver.resolveGraph(dependencies, (node, parents) -> node.getArtifact() == null
                    || !reactor.contains(node.getArtifact().getGroupId(), node.getArtifact().getArtifactId(),
                            node.getArtifact().getBaseVersion())), reactor);

            // Maven loads the build extensions and the plugins marked <extensions> first, into the project's
            // realm; what their descriptors export, it leaves out of the resolution of the module's other plugins.
            Plugins plugins = plugins(model);
            Set<String> exported = new TreeSet<>();
            Build build = model.getBuild();
            for (Extension e : build == null ? List.<Extension>of() : build.getExtensions()) {
                resolvePlugin(e.getGroupId(), e.getArtifactId(), e.getVersion(), List.of(), pluginRepositories, null,
                        PLUGIN_SCOPES).ifPresent(jar -> exported.addAll(ExtensionExports.of(jar)));
            }
            for (Plugin plugin : plugins.all().values()) {
                if (plugin.isExtensions()) {
                    resolvePlugin(plugin.getGroupId(), plugin.getArtifactId(), plugin.getVersion(), plugin.getDependencies(),
                            pluginRepositories, null, PLUGIN_SCOPES).ifPresent(jar -> exported.addAll(ExtensionExports.of(jar)));
                }
            }
            DependencyFilter filter = exported.isEmpty() ? PLUGIN_SCOPES
                    : AndDependencyFilter.newInstance(PLUGIN_SCOPES, new ExclusionsDependencyFilter(exported));
            for (Plugin plugin : plugins.all().values()) {
                if (!plugin.isExtensions()) {
                    resolvePlugin(plugin.getGroupId(), plugin.getArtifactId(), plugin.getVersion(), plugin.getDependencies(),
                            pluginRepositories, plugins.inDoubt().get(plugin.getKey()), filter);
                }
            }
        }
    }

    /** The jars the modules need at run time, as {@code GROUP:ARTIFACT:VERSION}: what a fat jar can bundle. */
    public SortedSet<String> runtime() {
        return runtime;
    }

    /** Collects the jars below {@code node} reached through compile and runtime dependencies only. */
    private void runtime(DependencyNode node, Reactor reactor) {
        for (DependencyNode child : node == null ? List.<DependencyNode>of() : node.getChildren()) {
            Artifact a = child.getArtifact();
            String scope = child.getDependency() == null ? "" : child.getDependency().getScope();
            if (a == null || !List.of("compile", "runtime", "").contains(scope)) {
                continue;
            }
            if ("jar".equals(a.getExtension()) && !reactor.contains(a.getGroupId(), a.getArtifactId(), a.getBaseVersion())) {
                runtime.add(a.getGroupId() + ":" + a.getArtifactId() + ":" + a.getBaseVersion());
            }
            runtime(child, reactor);
        }
    }

    /**
     * A module's plugins by "groupId:artifactId" (default bindings, declared plugins, command-line goals),
     * and of those, the ones loaded only if an execution without a phase runs, with that execution's goals.
     */
    private record Plugins(Map<String, Plugin> all, Map<String, List<String>> inDoubt) {}

    private Plugins plugins(Model model) {
        Map<String, Plugin> declared = new LinkedHashMap<>();
        Map<String, Plugin> managed = new LinkedHashMap<>();
        if (model.getBuild() != null) {
            model.getBuild().getPlugins().forEach(p -> declared.put(p.getKey(), p));
            if (model.getBuild().getPluginManagement() != null) {
                model.getBuild().getPluginManagement().getPlugins().forEach(p -> managed.put(p.getKey(), p));
            }
        }
        Map<String, Plugin> result = new LinkedHashMap<>();
        List<String> bound = new ArrayList<>(lifecycles.defaultPlugins(model.getPackaging(), args.tasks()));
        for (String task : args.tasks()) {
            String[] parts = task.split(":");
            if (parts.length == 3 || parts.length == 4) {
                bound.add(parts[0] + ':' + parts[1] + (parts.length == 4 ? ':' + parts[2] : ""));
            }
        }
        for (String gav : bound) {
            String[] p = gav.split(":");
            Plugin plugin = new Plugin();
            plugin.setGroupId(p[0]);
            plugin.setArtifactId(p[1]);
            plugin.setVersion(p.length > 2 ? p[2] : null);
            result.put(plugin.getKey(), plugin);
        }
        Map<String, List<String>> inDoubt = new LinkedHashMap<>();
        for (Plugin d : declared.values()) {
            Plugin byDefault = result.get(d.getKey());
            // A plugin that is not bound by default, is no extension, and has no execution in a phase that runs
            // (none at all: declared for the command line; or all bound after the requested phases) is never
            // loaded by this build. An execution without a phase takes its mojo's default: in doubt until
            // the plugin's descriptor says which (resolvePlugin).
            boolean executes = d.getExecutions().stream()
                    .anyMatch(e -> e.getPhase() != null && lifecycles.runs(e.getPhase(), args.tasks()));
            List<String> phaseless = d.getExecutions().stream().filter(e -> e.getPhase() == null)
                    .flatMap(e -> e.getGoals().stream()).toList();
            if (byDefault == null && !d.isExtensions() && !executes) {
                if (phaseless.isEmpty()) {
                    continue;
                }
                inDoubt.put(d.getKey(), phaseless);
            }
            Plugin p = d.clone();
            if (p.getVersion() == null && byDefault != null) {
                p.setVersion(byDefault.getVersion());
            }
            result.put(p.getKey(), p);
        }
        // Management wins over the default binding's version, as Maven's lifecycle injection merges it.
        for (Plugin p : result.values()) {
            Plugin m = managed.get(p.getKey());
            Plugin d = declared.get(p.getKey());
            if (m == null) {
                continue;
            }
            if (d == null) {
                p.setDependencies(m.getDependencies());
            }
            if ((d == null || d.getVersion() == null) && m.getVersion() != null) {
                p.setVersion(m.getVersion());
            }
        }
        return new Plugins(result, inDoubt);
    }

    /**
     * Resolves a plugin or extension with its runtime tree as Maven 3.9 does (DefaultPluginDependenciesResolver):
     * the plugin as the root with the project's {@code <dependencies>} for it, then the nodes {@code filter}
     * accepts, each judged by itself (a node left out does not take its children with it). Nodes in scope
     * provided or test are never resolved: they come from the plugin POM's dependency management (surefire's
     * manages maven-core to provided), their POMs are collected, their jars never read. The artifacts
     * Maven's core exports are downloaded all the same when they are in runtime scope: Maven hides them
     * from the plugin's class realm only after resolving them. Wagon providers below a Maven 2 core
     * artifact are not even collected ({@link LegacyWagons}).
     *
     * @param goalsInDoubt the goals of executions without a phase when only they could load the plugin,
     *     else null
     * @return the plugin's jar, when it was resolved
     */
    private Optional<Path> resolvePlugin(String groupId, String artifactId, String version,
            List<org.apache.maven.model.Dependency> extra, List<RemoteRepository> repositories,
            List<String> goalsInDoubt, DependencyFilter filter) {
        if (version == null || version.isEmpty()) {
            // Maven 3 takes the newest release from the repository metadata, with a warning.
            VersionRangeResult range = resolver.versions(
                    new DefaultArtifact(groupId, artifactId, "jar", "[0,)"), repositories);
            if (range == null) {
                return Optional.empty();
            }
            version = range.getVersions().stream().map(Object::toString).filter(v -> !v.endsWith("-SNAPSHOT"))
                    .reduce((a, b) -> b).orElse(null);
            if (version == null) {
                return Optional.empty();
            }
        }
        Artifact jar = new DefaultArtifact(groupId, artifactId, "jar", version);
        if (goalsInDoubt != null && !runsByDefault(jar, goalsInDoubt, repositories)) {
            return Optional.empty();
        }
        CollectRequest request = new CollectRequest();
        request.setRoot(new Dependency(jar, null));
        extra.forEach(d -> request.addDependency(dependency(d)));
        request.setRepositories(repositories);
        DependencyNode root = resolver.resolveGraph(request, new LegacyWagons(), filter);
        return Optional.ofNullable(root == null || root.getArtifact() == null ? null : root.getArtifact().getPath());
    }

    /**
     * Whether one of {@code goals} runs in its default phase, which only the plugin's descriptor names.
     * Maven reads the descriptor from the plugin's POM and jar, which are fetched here too, and loads
     * the rest of the plugin's tree only for a goal that runs. A descriptor that cannot be read, or that
     * does not know a goal, counts as running: the whole tree is then kept, a superset.
     */
    private boolean runsByDefault(Artifact jar, List<String> goals, List<RemoteRepository> repositories) {
        try {
            resolver.system().readArtifactDescriptor(resolver.session(),
                    new ArtifactDescriptorRequest(jar, repositories, null));
        } catch (ArtifactDescriptorException e) {
            return true; // the whole tree's resolution names what is missing
        }
        ArtifactResult resolved = resolver.resolve(jar, repositories);
        Optional<MojoPhases> mojos = resolved == null || !resolved.isResolved() ? Optional.empty()
                : MojoPhases.of(resolved.getArtifact().getPath());
        return mojos.isEmpty() || goals.stream().anyMatch(goal -> mojos.get().phase(goal)
                .map(phase -> !phase.isEmpty() && lifecycles.runs(phase, args.tasks())).orElse(true));
    }

    private List<RemoteRepository> repositories(List<org.apache.maven.model.Repository> declared, List<RemoteRepository> extra) {
        List<RemoteRepository> result = new ArrayList<>();
        for (org.apache.maven.model.Repository r : declared) {
            result.add(Repositories.of(r));
        }
        result.addAll(extra);
        return resolver.effective(result);
    }

    private Dependency dependency(org.apache.maven.model.Dependency d) {
        ArtifactType type = resolver.session().getArtifactTypeRegistry().get(d.getType());
        if (type == null) {
            type = new org.eclipse.aether.artifact.DefaultArtifactType(d.getType());
        }
        String classifier = d.getClassifier() != null ? d.getClassifier() : type.getClassifier();
        Artifact artifact = new DefaultArtifact(d.getGroupId(), d.getArtifactId(), classifier, type.getExtension(),
                d.getVersion(), type);
        List<Exclusion> exclusions = d.getExclusions().stream()
                .map(e -> new Exclusion(e.getGroupId(), e.getArtifactId(), "*", "*")).toList();
        return new Dependency(artifact, d.getScope(), d.isOptional(), exclusions);
    }

    /**
     * A SNAPSHOT outside the reactor changes under the port's feet: it cannot be pinned. Dependencies,
     * the plugins this build loads with their own dependencies, and build extensions alike, before
     * anything is resolved (a SNAPSHOT plugin would otherwise only fail the recording build, or be
     * missed without it).
     */
    private void refuseSnapshots(Reactor reactor) {
        TreeSet<String> snapshots = new TreeSet<>();
        for (Module m : reactor.modules()) {
            List<String> used = new ArrayList<>();
            m.model().getDependencies().forEach(d -> used.add(d.getManagementKey() + ":" + d.getVersion()));
            for (Plugin p : plugins(m.model()).all().values()) {
                used.add("plugin " + p.getKey() + ":" + p.getVersion());
                p.getDependencies().forEach(d -> used.add("dependency of plugin " + p.getKey() + " "
                        + d.getManagementKey() + ":" + d.getVersion()));
            }
            Build build = m.model().getBuild();
            for (Extension e : build == null ? List.<Extension>of() : build.getExtensions()) {
                used.add("extension " + e.getGroupId() + ":" + e.getArtifactId() + ":" + e.getVersion());
            }
            for (String gav : used) {
                String[] w = gav.substring(gav.lastIndexOf(' ') + 1).split(":");
                String version = w[w.length - 1];
                if (version.endsWith("-SNAPSHOT") && !reactor.contains(w[0], w[1], version)) {
                    snapshots.add("  " + gav + " (in " + m.pom() + ")");
                }
            }
        }
        if (!snapshots.isEmpty()) {
            throw new PortkitException(Failure.BAD_INPUT, "SNAPSHOT artifacts outside the reactor cannot be pinned:\n"
                    + String.join("\n", snapshots) + "\nUse released versions, or add the module to the reactor.");
        }
    }
}
