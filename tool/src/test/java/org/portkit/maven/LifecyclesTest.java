package org.portkit.maven;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.portkit.fixture.TestMaven;

/** Reads the bindings from the real Maven 3.9.16 distribution, as resolve does. */
@Tag("maven")
class LifecyclesTest {
    @Test
    void jarPackagingBindsMaven3916sOwnPluginVersions() {
        Lifecycles l = TestMaven.maven().lifecycles();
        Set<String> plugins = l.defaultPlugins("jar", List.of("package"));
        assertTrue(plugins.contains("org.apache.maven.plugins:maven-resources-plugin:3.4.0"), plugins.toString());
        assertTrue(plugins.contains("org.apache.maven.plugins:maven-compiler-plugin:3.15.0"), plugins.toString());
        assertTrue(plugins.contains("org.apache.maven.plugins:maven-jar-plugin:3.5.0"), plugins.toString());
        assertFalse(plugins.stream().anyMatch(p -> p.contains("maven-install-plugin")), "install comes after package");
        assertTrue(l.defaultPlugins("pom", List.of("clean", "install")).stream().anyMatch(p -> p.contains("maven-clean-plugin")));
    }

    @Test
    void phasesAfterTheRequestedOneDoNotRun() {
        Lifecycles l = TestMaven.maven().lifecycles();
        assertTrue(l.runs("compile", List.of("package")));
        assertFalse(l.runs("verify", List.of("-DskipTests", "package")));
        assertTrue(l.runs("no-such-phase", List.of("package")), "unknown phases are kept");
    }
}
