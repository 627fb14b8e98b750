package org.portkit.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MavenArgsTest {
    @Test
    void readsGoalsProfilesAndProperties() {
        MavenArgs a = MavenArgs.parse(List.of("-B", "-PbuildFatJar,!slow", "-P", "extra", "-Dassembly.skipAssembly=false",
                "-D", "skipTests", "-pl", "jvb", "clean", "package", "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:tree"));
        assertEquals(List.of("clean", "package", "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:tree"), a.tasks());
        assertEquals(Set.of("buildFatJar", "extra"), a.activeProfiles());
        assertEquals(Set.of("slow"), a.inactiveProfiles());
        assertEquals(Map.of("assembly.skipAssembly", "false", "skipTests", "true"), a.properties());
        assertEquals(List.of("jvb"), a.projects());
    }

    @Test
    void readsTheReactorOptions() {
        MavenArgs a = MavenArgs.parse(List.of("-f", "sub/pom.xml", "--projects", "!:mod,?extra, app", "-am", "-rf", ":app",
                "package"));
        assertEquals("sub/pom.xml", a.file());
        assertEquals(List.of("!:mod", "?extra", "app"), a.projects());
        assertEquals(":app", a.resumeFrom());
        assertTrue(a.alsoMake());
        assertFalse(a.alsoMakeDependents());
        assertFalse(a.nonRecursive());
        assertEquals(List.of("package"), a.tasks());
        MavenArgs b = MavenArgs.parse(List.of("--also-make-dependents", "-N", "-pl", "x", "-pl", "y", "verify"));
        assertTrue(b.alsoMakeDependents());
        assertTrue(b.nonRecursive());
        assertEquals(List.of("x", "y"), b.projects());
        assertEquals(null, b.file());
    }
}
