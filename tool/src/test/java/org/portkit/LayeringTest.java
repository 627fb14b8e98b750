package org.portkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the pipeline's layering true: stages never reach up into the command line, and the
 * packages of the main sources form no cycle. Read from the sources' own imports and
 * fully-qualified references, so a new file cannot slip past it.
 */
class LayeringTest {
    private static final Path MAIN = Path.of("src/main/java/org/portkit");
    private static final Pattern REFERENCE = Pattern.compile("\\borg\\.portkit\\.((?:[a-z0-9]+\\.)*[a-z0-9]+)\\.[A-Z]");

    @Test
    void nothingOutsideTheCommandLineImportsIt() {
        List<String> offenders = new ArrayList<>();
        graph().forEach((pkg, uses) -> {
            if (!pkg.equals("cli") && uses.contains("cli")) {
                offenders.add(pkg);
            }
        });
        assertEquals(List.of(), offenders, "packages that depend on org.portkit.cli");
    }

    @Test
    void packagesFormNoCycle() {
        Map<String, Set<String>> graph = graph();
        for (String start : graph.keySet()) {
            List<String> cycle = pathBack(graph, start, start, new TreeSet<>());
            assertTrue(cycle.isEmpty(), "package cycle: " + String.join(" -> ", cycle));
        }
    }

    @Test
    void theGraphIsReadFromTheSources() {
        Map<String, Set<String>> graph = graph();
        assertTrue(graph.get("cli").contains("failure"), "cli maps failures to exit statuses: " + graph);
    }

    /** A path from {@code from} to {@code target} (a cycle when they are equal), or empty. */
    private static List<String> pathBack(Map<String, Set<String>> graph, String from, String target, Set<String> seen) {
        for (String next : graph.getOrDefault(from, Set.of())) {
            if (next.equals(target)) {
                return new ArrayList<>(List.of(from, next));
            }
            if (seen.add(next)) {
                List<String> rest = pathBack(graph, next, target, seen);
                if (!rest.isEmpty()) {
                    rest.add(0, from);
                    return rest;
                }
            }
        }
        return List.of();
    }

    /** Package name under org.portkit to the other org.portkit packages its files name. */
    private static Map<String, Set<String>> graph() {
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                String pkg = MAIN.relativize(f.getParent()).toString().replace('/', '.');
                Set<String> uses = graph.computeIfAbsent(pkg, k -> new TreeSet<>());
                Matcher m = REFERENCE.matcher(read(f));
                while (m.find()) {
                    if (!m.group(1).equals(pkg)) {
                        uses.add(m.group(1));
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return graph;
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
