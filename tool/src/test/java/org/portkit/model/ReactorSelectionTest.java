package org.portkit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Model;
import org.apache.maven.model.Parent;
import org.junit.jupiter.api.Test;
import org.portkit.failure.Failure;
import org.portkit.failure.PortkitException;
import org.portkit.maven.MavenArgs;

/**
 * The reactor options choose modules as Maven 3.9 does. The reactor: a parent aggregating lib,
 * app (needs lib), tool (needs app) and doc (needs nothing), read in that order.
 */
class ReactorSelectionTest {
    private static final Path BASE = Path.of("/src");
    private final Module parent = module("", "parent", null);
    private final Module lib = module("lib", "lib", null);
    private final Module app = module("app", "app", "lib");
    private final Module tool = module("tool", "tool", "app");
    private final Module doc = module("doc", "doc", null);
    private final List<Module> all = List.of(parent, tool, app, lib, doc);

    @Test
    void withoutOptionsEveryModuleBuildsAfterWhatItNeeds() {
        assertEquals(List.of(parent, lib, app, tool, doc), select());
    }

    @Test
    void selectorsByArtifactIdGroupAndArtifactOrDirectory() {
        assertEquals(List.of(app), select("-pl", ":app"));
        assertEquals(List.of(lib, tool), select("-pl", "org.example:tool,lib"));
        assertEquals(List.of(app), select("-pl", "app"));
    }

    @Test
    void exclusionsLeaveTheRestOfTheReactor() {
        assertEquals(List.of(parent, lib, app, doc), select("-pl", "!tool"));
        assertEquals(List.of(parent, lib, doc), select("-pl", "-:app,!:tool"));
    }

    @Test
    void alsoMakeAddsWhatTheSelectionNeedsAndAlsoMakeDependentsWhatNeedsIt() {
        assertEquals(List.of(parent, lib, app, tool), select("-pl", ":tool", "-am"));
        assertEquals(List.of(lib, app, tool), select("-pl", ":lib", "-amd"));
        assertEquals(List.of(parent, lib, app), select("-pl", ":tool,!:tool", "-am"), "exclusions come after -am");
    }

    @Test
    void resumeFromDropsWhatComesBefore() {
        assertEquals(List.of(app, tool, doc), select("-rf", ":app"));
        assertEquals(List.of(tool), select("-pl", "!doc", "-rf", "tool"));
    }

    @Test
    void aSelectorThatNamesNoModuleIsBadInputUnlessOptional() {
        PortkitException e = assertThrows(PortkitException.class, () -> select("-pl", ":nothing"));
        assertEquals(Failure.BAD_INPUT, e.kind());
        assertEquals(List.of(app), select("-pl", "?:nothing,:app"));
        assertEquals(Failure.BAD_INPUT, assertThrows(PortkitException.class, () -> select("-rf", ":nothing")).kind());
    }

    private List<Module> select(String... args) {
        return ReactorSelection.select(all, MavenArgs.parse(List.of(args)), BASE);
    }

    private static Module module(String dir, String artifactId, String needs) {
        Model m = new Model();
        m.setGroupId("org.example");
        m.setArtifactId(artifactId);
        m.setVersion("1");
        if (!dir.isEmpty()) {
            Parent p = new Parent();
            p.setGroupId("org.example");
            p.setArtifactId("parent");
            p.setVersion("1");
            m.setParent(p);
        }
        if (needs != null) {
            Dependency d = new Dependency();
            d.setGroupId("org.example");
            d.setArtifactId(needs);
            d.setVersion("1");
            m.addDependency(d);
        }
        return new Module(BASE.resolve(dir).resolve("pom.xml"), m);
    }
}
