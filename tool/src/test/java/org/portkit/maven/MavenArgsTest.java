package org.portkit.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    }
}
