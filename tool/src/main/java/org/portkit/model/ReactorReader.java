package org.portkit.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Profile;
import org.apache.maven.model.building.DefaultModelBuilderFactory;
import org.apache.maven.model.building.DefaultModelBuildingRequest;
import org.apache.maven.model.building.ModelBuilder;
import org.apache.maven.model.building.ModelBuildingException;
import org.apache.maven.model.building.ModelBuildingResult;
import org.apache.maven.model.building.ModelBuildingRequest;
import org.apache.maven.model.building.ModelProblem;
import org.apache.maven.model.io.DefaultModelReader;
import org.eclipse.aether.repository.RemoteRepository;
import org.portkit.failure.Failure;
import org.portkit.failure.PortkitException;
import org.portkit.maven.MavenArgs;
import org.portkit.maven.Target;
import org.portkit.resolve.Resolver;

/**
 * Reads a project into a {@link Reactor} with Maven's own model builder: parents (also those not
 * reachable by relativePath), imported BOMs, properties, and profiles activated explicitly, by
 * property, by JDK or by OS are all Maven's doing, not portkit's. The OS is the {@link Target}'s,
 * and where the build uses os-maven-plugin, its {@code os.detected.*} properties are the target's too.
 * The {@code <os>} profiles found on the way are kept, so that builds on this host can be told to
 * activate the target's ({@link Reactor#osProfileOptions()}).
 * The reactor's modules are those the reactor options choose ({@link ReactorSelection}).
 */
public final class ReactorReader {
    private final Resolver resolver;
    private final MavenArgs args;
    private final String javaVersion;
    private final Target target;
    private final List<RemoteRepository> repositories;
    private static final String OS_PLUGIN = "kr.motd.maven:os-maven-plugin";
    private final ModelBuilder builder = new DefaultModelBuilderFactory().newInstance();

    /**
     * @param repositories what Maven would start from: settings.xml profile repositories, then central
     */
    public ReactorReader(Resolver resolver, MavenArgs args, String javaVersion, Target target,
            List<RemoteRepository> repositories) {
        this.resolver = resolver;
        this.args = args;
        this.javaVersion = javaVersion;
        this.target = target;
        this.repositories = repositories;
    }

    /** @param rootPom the POM the build starts from (pom.xml, or what {@code -f} names) */
    public Reactor read(Path rootPom, Map<String, Path> poms) {
        SortedMap<String, Boolean> osProfiles = new TreeMap<>();
        List<Module> all = modules(rootPom, poms, Map.of(), osProfiles);
        if (all.stream().anyMatch(ReactorReader::detectsOs)) {
            osProfiles.clear();
            all = modules(rootPom, poms, target.detected(), osProfiles);
        }
        return new Reactor(ReactorSelection.select(all, args, rootPom.toAbsolutePath().getParent()), poms, osProfiles);
    }

    /** Every module, depth first in declaration order as Maven reads them; only the root with {@code -N}. */
    private List<Module> modules(Path rootPom, Map<String, Path> poms, Map<String, String> detected,
            SortedMap<String, Boolean> osProfiles) {
        List<Module> modules = new ArrayList<>();
        Deque<Path> todo = new ArrayDeque<>(List.of(rootPom.toAbsolutePath().normalize()));
        Set<Path> seen = new LinkedHashSet<>();
        while (!todo.isEmpty()) {
            Path pom = todo.removeFirst();
            if (!seen.add(pom)) {
                continue;
            }
            Model model = effective(pom, poms, detected, osProfiles);
            modules.add(new Module(pom, model));
            if (!args.nonRecursive()) {
                List<String> children = model.getModules();
                for (int i = children.size() - 1; i >= 0; i--) {
                    todo.addFirst(modulePom(pom, children.get(i)));
                }
            }
        }
        return List.copyOf(modules);
    }

    /** Whether a module loads os-maven-plugin, which sets os.detected.* before the models are read. */
    private static boolean detectsOs(Module m) {
        Build build = m.model().getBuild();
        return build != null && (build.getExtensions().stream().anyMatch(e -> OS_PLUGIN.equals(e.getGroupId() + ':' + e.getArtifactId()))
                || build.getPlugins().stream().anyMatch(p -> p.isExtensions() && OS_PLUGIN.equals(p.getKey())));
    }

    private Model effective(Path pom, Map<String, Path> poms, Map<String, String> detected,
            SortedMap<String, Boolean> osProfiles) {
        DefaultModelBuildingRequest request = new DefaultModelBuildingRequest();
        request.setPomFile(pom.toFile());
        request.setModelResolver(new RepositoryModelResolver(resolver, poms, repositories));
        request.setValidationLevel(ModelBuildingRequest.VALIDATION_LEVEL_MAVEN_3_0);
        request.setProcessPlugins(true);
        request.setLocationTracking(false);
        Properties system = new Properties();
        system.putAll(System.getProperties());
        system.putAll(detected);
        system.putAll(target.systemProperties());
        system.setProperty("java.version", javaVersion);
        request.setSystemProperties(system);
        Properties user = new Properties();
        user.putAll(args.properties());
        request.setUserProperties(user);
        request.setActiveProfileIds(List.copyOf(args.activeProfiles()));
        request.setInactiveProfileIds(List.copyOf(args.inactiveProfiles()));
        try {
            ModelBuildingResult result = builder.build(request);
            // Every <os> profile of the POM and its parents; active on the target wins where one id is both.
            for (String id : result.getModelIds()) {
                Set<String> active = new LinkedHashSet<>();
                result.getActivePomProfiles(id).forEach(p -> active.add(p.getId()));
                for (Profile p : result.getRawModel(id).getProfiles()) {
                    if (p.getActivation() != null && p.getActivation().getOs() != null) {
                        osProfiles.merge(p.getId(), active.contains(p.getId()), Boolean::logicalOr);
                    }
                }
            }
            return result.getEffectiveModel();
        } catch (ModelBuildingException e) {
            resolver.problems().throwIfAny("POMs needed to read " + pom);
            StringBuilder why = new StringBuilder();
            for (ModelProblem p : e.getProblems()) {
                if (p.getSeverity() != ModelProblem.Severity.WARNING) {
                    why.append("\n  ").append(p.getMessage());
                    if (p.getMessage().startsWith("The parents form a cycle")) {
                        // Maven names models, and not always each one: the files say which POMs to edit.
                        why.append("\n  through ").append(String.join(" -> ", parentFiles(pom)));
                    }
                }
            }
            throw new PortkitException(Failure.BAD_INPUT, "Maven cannot read the project at " + pom + ":" + why);
        }
    }

    /**
     * Every POM of the source tree reachable through modules (in any profile), by coordinates, so
     * that reactor parents and inter-module dependencies are found on disk whatever their relativePath.
     */
    public static Map<String, Path> indexSourceTree(Path rootPom) {
        Map<String, Path> poms = new TreeMap<>();
        Deque<Path> todo = new ArrayDeque<>(List.of(rootPom.toAbsolutePath().normalize()));
        Set<Path> seen = new LinkedHashSet<>();
        DefaultModelReader reader = new DefaultModelReader();
        while (!todo.isEmpty()) {
            Path pom = todo.removeFirst();
            if (!seen.add(pom) || !Files.isRegularFile(pom)) {
                continue;
            }
            Model raw;
            try {
                raw = reader.read(pom.toFile(), Map.of(org.apache.maven.model.io.ModelReader.IS_STRICT, false));
            } catch (IOException e) {
                throw new PortkitException(Failure.BAD_INPUT, "cannot parse " + pom + ": " + e.getMessage());
            }
            String groupId = raw.getGroupId() != null ? raw.getGroupId()
                    : raw.getParent() != null ? raw.getParent().getGroupId() : null;
            String version = raw.getVersion() != null ? raw.getVersion()
                    : raw.getParent() != null ? raw.getParent().getVersion() : null;
            poms.put(groupId + ':' + raw.getArtifactId() + ':' + version, pom);
            Set<String> modules = new LinkedHashSet<>(raw.getModules());
            for (Profile p : raw.getProfiles()) {
                modules.addAll(p.getModules());
            }
            for (String m : modules) {
                todo.add(modulePom(pom, m));
            }
        }
        return new LinkedHashMap<>(poms);
    }

    /** The POM files a chain of relativePath parents visits from {@code pom}, up to the first one seen twice. */
    private static List<String> parentFiles(Path pom) {
        List<String> chain = new ArrayList<>();
        Set<Path> seen = new LinkedHashSet<>();
        DefaultModelReader reader = new DefaultModelReader();
        for (Path p = pom.toAbsolutePath().normalize(); p != null && Files.isRegularFile(p); ) {
            chain.add(p.toString());
            if (!seen.add(p)) {
                break;
            }
            try {
                Model raw = reader.read(p.toFile(), Map.of(org.apache.maven.model.io.ModelReader.IS_STRICT, false));
                String relative = raw.getParent() == null ? null : raw.getParent().getRelativePath();
                p = relative == null || relative.isEmpty() ? null : modulePom(p, relative);
            } catch (IOException e) {
                break;
            }
        }
        return chain;
    }

    private static Path modulePom(Path parentPom, String module) {
        Path p = parentPom.getParent().resolve(module).normalize();
        return Files.isDirectory(p) ? p.resolve("pom.xml") : p;
    }
}
