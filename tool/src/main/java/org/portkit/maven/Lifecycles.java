package org.portkit.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The lifecycles and default plugin bindings of one Maven version, read from that
 * version's own {@code maven-core} jar: a closure computed for Maven 3.9.16 uses 3.9.16's plugin
 * versions, not a table copied by hand that drifts when Maven changes.
 */
public final class Lifecycles {
    /** lifecycle id to its ordered phases. */
    private final Map<String, List<String>> phases = new LinkedHashMap<>();
    /** packaging, then phase, to "groupId:artifactId:version:goal" entries. */
    private final Map<String, Map<String, List<String>>> bindings = new HashMap<>();
    /** phase to bindings that hold for every packaging (clean, site). */
    private final Map<String, List<String>> defaultPhases = new HashMap<>();

    private Lifecycles() {}

    public static Lifecycles read(Path mavenCoreJar) {
        Lifecycles l = new Lifecycles();
        try (JarFile jar = new JarFile(mavenCoreJar.toFile())) {
            l.readLifecycles(parse(jar, "META-INF/plexus/components.xml"));
            l.readBindings(parse(jar, "META-INF/plexus/default-bindings.xml"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read Maven's lifecycle definitions from " + mavenCoreJar, e);
        }
        if (l.phases.get("default") == null || l.bindings.get("jar") == null) {
            throw new IllegalStateException(mavenCoreJar + " does not define the default lifecycle: not a maven-core jar?");
        }
        return l;
    }

    private void readLifecycles(Document doc) {
        for (Element c : elements(doc.getDocumentElement(), "component")) {
            if (!"org.apache.maven.lifecycle.Lifecycle".equals(text(c, "role")) || child(c, "configuration") == null) {
                continue;
            }
            Element conf = child(c, "configuration");
            List<String> ordered = new ArrayList<>();
            for (Element p : elements(child(conf, "phases"), "phase")) {
                ordered.add(p.getTextContent().trim());
            }
            phases.put(text(conf, "id"), ordered);
            Element defaults = child(conf, "default-phases");
            if (defaults != null) {
                for (Element phase : children(defaults)) {
                    defaultPhases.put(phase.getTagName(), goals(phase.getTextContent()));
                }
            }
        }
    }

    private void readBindings(Document doc) {
        for (Element c : elements(doc.getDocumentElement(), "component")) {
            String packaging = text(c, "role-hint");
            Map<String, List<String>> byPhase = new HashMap<>();
            for (Element lifecycle : elements(c, "lifecycle")) {
                for (Element phase : children(child(lifecycle, "phases"))) {
                    byPhase.put(phase.getTagName(), goals(phase.getTextContent()));
                }
            }
            bindings.put(packaging, byPhase);
        }
    }

    /**
     * Plugins ("groupId:artifactId:version") that Maven binds by default for a packaging when asked
     * to run {@code tasks}: every phase up to each requested phase, in its lifecycle.
     */
    public Set<String> defaultPlugins(String packaging, List<String> tasks) {
        Set<String> plugins = new LinkedHashSet<>();
        Map<String, List<String>> byPhase = bindings.getOrDefault(packaging, Map.of());
        for (String task : tasks) {
            for (List<String> lifecycle : phases.values()) {
                int end = lifecycle.indexOf(task);
                for (int i = 0; i <= end; i++) {
                    String phase = lifecycle.get(i);
                    List<String> goals = byPhase.getOrDefault(phase, defaultPhases.getOrDefault(phase, List.of()));
                    goals.forEach(g -> plugins.add(g.substring(0, g.lastIndexOf(':'))));
                }
            }
        }
        return plugins;
    }

    /**
     * Whether a phase runs when Maven is asked for {@code tasks}: it comes no later than a requested
     * phase of its lifecycle. Unknown phases count as running, so that nothing is dropped by doubt.
     */
    public boolean runs(String phase, List<String> tasks) {
        for (List<String> lifecycle : phases.values()) {
            int index = lifecycle.indexOf(phase);
            if (index >= 0) {
                return tasks.stream().anyMatch(t -> lifecycle.indexOf(t) >= index);
            }
        }
        return true;
    }

    private static List<String> goals(String text) {
        List<String> goals = new ArrayList<>();
        for (String g : text.split(",")) {
            if (!g.isBlank()) {
                goals.add(g.trim());
            }
        }
        return goals;
    }

    private static Document parse(JarFile jar, String entry) throws IOException {
        try (InputStream in = jar.getInputStream(jar.getEntry(entry))) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f.newDocumentBuilder().parse(in);
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("cannot parse " + entry + ": " + e.getMessage(), e);
        }
    }

    private static List<Element> elements(Element root, String tag) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = root.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    private static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        if (parent != null) {
            for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    private static Element child(Element parent, String tag) {
        return children(parent).stream().filter(e -> e.getTagName().equals(tag)).findFirst().orElse(null);
    }

    private static String text(Element parent, String tag) {
        Element e = child(parent, tag);
        return e == null ? null : e.getTextContent().trim();
    }
}
