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
import java.util.TreeMap;
import org.apache.maven.model.Model;
import org.apache.maven.model.Profile;
import org.apache.maven.model.building.DefaultModelBuilderFactory;
import org.apache.maven.model.building.DefaultModelBuildingRequest;
import org.apache.maven.model.building.ModelBuilder;
import org.apache.maven.model.building.ModelBuildingException;
import org.apache.maven.model.building.ModelBuildingRequest;
import org.apache.maven.model.building.ModelProblem;
import org.apache.maven.model.io.DefaultModelReader;
import org.eclipse.aether.repository.RemoteRepository;
import org.portkit.failure.Failure;
import org.portkit.failure.PortkitException;
import org.portkit.maven.MavenArgs;
import org.portkit.resolve.Resolver;

/**
 * Reads a project into a {@link Reactor} with Maven's own model builder: parents (also those not
 * reachable by relativePath), imported BOMs, properties, and profiles activated explicitly, by
 * property or by JDK are all Maven's doing, not portkit's.
 */
public final class ReactorReader {
    private final Resolver resolver;
    private final MavenArgs args;
    private final String javaVersion;
    private final List<RemoteRepository> repositories;
    private final ModelBuilder builder = new DefaultModelBuilderFactory().newInstance();

    /**
     * @param repositories what Maven would start from: settings.xml profile repositories, then central
     */
    public ReactorReader(Resolver resolver, MavenArgs args, String javaVersion, List<RemoteRepository> repositories) {
        this.resolver = resolver;
        this.args = args;
        this.javaVersion = javaVersion;
        this.repositories = repositories;
    }

    public Reactor read(Path rootPom, Map<String, Path> poms) {
        List<Module> modules = new ArrayList<>();
        Deque<Path> todo = new ArrayDeque<>(List.of(rootPom.toAbsolutePath().normalize()));
        Set<Path> seen = new LinkedHashSet<>();
        while (!todo.isEmpty()) {
            Path pom = todo.removeFirst();
            if (!seen.add(pom)) {
                continue;
            }
            Model model = effective(pom, poms);
            modules.add(new Module(pom, model));
            for (String m : model.getModules()) {
                todo.add(modulePom(pom, m));
            }
        }
        return new Reactor(List.copyOf(modules), poms);
    }

    private Model effective(Path pom, Map<String, Path> poms) {
        DefaultModelBuildingRequest request = new DefaultModelBuildingRequest();
        request.setPomFile(pom.toFile());
        request.setModelResolver(new RepositoryModelResolver(resolver, poms, repositories));
        request.setValidationLevel(ModelBuildingRequest.VALIDATION_LEVEL_MAVEN_3_0);
        request.setProcessPlugins(true);
        request.setLocationTracking(false);
        Properties system = new Properties();
        system.putAll(System.getProperties());
        system.setProperty("java.version", javaVersion);
        request.setSystemProperties(system);
        Properties user = new Properties();
        user.putAll(args.properties());
        request.setUserProperties(user);
        request.setActiveProfileIds(List.copyOf(args.activeProfiles()));
        request.setInactiveProfileIds(List.copyOf(args.inactiveProfiles()));
        try {
            return builder.build(request).getEffectiveModel();
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
