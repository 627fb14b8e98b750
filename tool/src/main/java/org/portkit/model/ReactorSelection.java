package org.portkit.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.portkit.failure.Failure;
import org.portkit.failure.PortkitException;
import org.portkit.maven.MavenArgs;

/**
 * The modules a build takes part in, chosen from the whole reactor as Maven 3.9 chooses them
 * (its DefaultGraphBuilder): sorted so that every module comes after the reactor modules it needs
 * (parent, dependencies, plugins and their dependencies, extensions); then {@code -pl} selects,
 * widened by {@code -am} (what they need) and {@code -amd} (what needs them); then the {@code !}
 * exclusions leave; then {@code -rf} drops what comes before its module.
 */
public final class ReactorSelection {
    private final List<Module> sorted;
    private final Map<Module, Set<Module>> upstream = new LinkedHashMap<>();

    private ReactorSelection(List<Module> all) {
        Map<String, Module> byKey = new LinkedHashMap<>();
        all.forEach(m -> byKey.put(m.model().getGroupId() + ':' + m.model().getArtifactId(), m));
        for (Module m : all) {
            Set<Module> needs = new LinkedHashSet<>();
            for (String ga : needs(m.model())) {
                Module other = byKey.get(ga);
                if (other != null && other != m) {
                    needs.add(other);
                }
            }
            upstream.put(m, needs);
        }
        List<Module> order = new ArrayList<>();
        Set<Module> visiting = new LinkedHashSet<>();
        all.forEach(m -> visit(m, order, visiting));
        sorted = List.copyOf(order);
    }

    /**
     * @param all every module of the reactor, in the order Maven reads them
     * @param baseDirectory where relative-path selectors start: the directory of the POM the build starts from
     */
    public static List<Module> select(List<Module> all, MavenArgs args, Path baseDirectory) {
        ReactorSelection graph = new ReactorSelection(all);
        List<Module> result = graph.sorted;
        List<String> selectors = args.projects().stream().filter(s -> !excluded(s)).toList();
        List<String> exclusions = args.projects().stream().filter(ReactorSelection::excluded).map(s -> s.substring(1)).toList();
        if (!selectors.isEmpty()) {
            Set<Module> chosen = graph.matching(result, selectors, baseDirectory);
            for (Module m : List.copyOf(chosen)) {
                if (args.alsoMake()) {
                    chosen.addAll(graph.transitive(m, true));
                }
                if (args.alsoMakeDependents()) {
                    chosen.addAll(graph.transitive(m, false));
                }
            }
            result = result.stream().filter(chosen::contains).toList();
        }
        if (!exclusions.isEmpty()) {
            Set<Module> excluded = graph.matching(result, exclusions, baseDirectory);
            result = result.stream().filter(m -> !excluded.contains(m)).toList();
        }
        if (args.resumeFrom() != null) {
            int from = -1;
            for (int i = 0; i < result.size() && from < 0; i++) {
                if (matches(result.get(i), args.resumeFrom(), baseDirectory)) {
                    from = i;
                }
            }
            if (from < 0) {
                throw new PortkitException(Failure.BAD_INPUT, "-rf " + args.resumeFrom()
                        + ": no module of the reactor to resume from matches it");
            }
            result = result.subList(from, result.size());
        }
        if (result.isEmpty()) {
            throw new PortkitException(Failure.BAD_INPUT, "the reactor options " + args.projects()
                    + " leave no module to build");
        }
        return List.copyOf(result);
    }

    private static boolean excluded(String selector) {
        return selector.startsWith("!") || selector.startsWith("-");
    }

    /** The modules each selector names; a selector naming none is an error unless it starts with '?'. */
    private Set<Module> matching(List<Module> modules, List<String> selectors, Path baseDirectory) {
        Set<Module> found = new LinkedHashSet<>();
        for (String s : selectors) {
            boolean optional = s.startsWith("?");
            String selector = optional ? s.substring(1) : s;
            List<Module> hits = modules.stream().filter(m -> matches(m, selector, baseDirectory)).toList();
            if (hits.isEmpty() && !optional) {
                throw new PortkitException(Failure.BAD_INPUT, "-pl " + selector
                        + ": no module of the reactor matches it (give [groupId]:artifactId or the module's directory)");
            }
            found.addAll(hits);
        }
        return found;
    }

    /** Maven's rule: ":artifactId" or "groupId:artifactId", else a path to the module's directory or POM. */
    private static boolean matches(Module m, String selector, Path baseDirectory) {
        Model model = m.model();
        if (selector.contains(":")) {
            return selector.equals(':' + model.getArtifactId())
                    || selector.equals(model.getGroupId() + ':' + model.getArtifactId());
        }
        Path p = baseDirectory.resolve(selector).toAbsolutePath().normalize();
        Path pom = m.pom().toAbsolutePath().normalize();
        return Files.isRegularFile(p) ? p.equals(pom) : p.equals(pom.getParent());
    }

    /** Depth first, what a module needs before the module, in reading order: Maven's topological sort. */
    private void visit(Module m, List<Module> order, Set<Module> visiting) {
        if (order.contains(m) || !visiting.add(m)) {
            return; // done, or a cycle, which Maven itself reports
        }
        upstream.get(m).forEach(u -> visit(u, order, visiting));
        order.add(m);
    }

    /** Everything a module needs (upstream) or is needed by (downstream), transitively. */
    private Set<Module> transitive(Module start, boolean up) {
        Set<Module> seen = new LinkedHashSet<>();
        List<Module> todo = new ArrayList<>(List.of(start));
        while (!todo.isEmpty()) {
            Module m = todo.remove(todo.size() - 1);
            for (Module next : up ? upstream.get(m) : downstream(m)) {
                if (seen.add(next)) {
                    todo.add(next);
                }
            }
        }
        return seen;
    }

    private List<Module> downstream(Module m) {
        return sorted.stream().filter(d -> upstream.get(d).contains(m)).toList();
    }

    /** "groupId:artifactId" of what a module needs from anywhere: the edges of Maven's ProjectSorter. */
    private static List<String> needs(Model model) {
        List<String> needs = new ArrayList<>();
        if (model.getParent() != null) {
            needs.add(model.getParent().getGroupId() + ':' + model.getParent().getArtifactId());
        }
        model.getDependencies().forEach(d -> needs.add(d.getGroupId() + ':' + d.getArtifactId()));
        Build build = model.getBuild();
        if (build != null) {
            for (Plugin p : build.getPlugins()) {
                needs.add(p.getGroupId() + ':' + p.getArtifactId());
                p.getDependencies().forEach(d -> needs.add(d.getGroupId() + ':' + d.getArtifactId()));
            }
            build.getExtensions().forEach(e -> needs.add(e.getGroupId() + ':' + e.getArtifactId()));
        }
        return needs;
    }
}
