package org.portkit.closure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portkit.fixture.TestMaven;

/** What 'portkit build' adds to its offline build: the target's {@code <os>} profiles, read with the port's m2 only. */
class TargetOptionsTest {
    @TempDir
    Path tmp;

    private static String profile(String id, String os) {
        return "<profile><id>" + id + "</id><activation><os>" + os + "</os></activation></profile>";
    }

    @Test
    void theTargetsOsProfilesOfTheProjectAndOfAParentFromTheOfflineRepositoryAreNamed() throws IOException {
        Path m2 = tmp.resolve("m2");
        Path parent = Files.createDirectories(m2.resolve("org/fixture/os-parent/1")).resolve("os-parent-1.pom");
        Files.writeString(parent, "<project><modelVersion>4.0.0</modelVersion><groupId>org.fixture</groupId>"
                + "<artifactId>os-parent</artifactId><version>1</version><packaging>pom</packaging><profiles>"
                + profile("parent-bsd", "<name>openbsd</name>") + "</profiles></project>");
        Path project = Files.createDirectories(tmp.resolve("src"));
        Files.writeString(project.resolve("pom.xml"), "<project><modelVersion>4.0.0</modelVersion>"
                + "<parent><groupId>org.fixture</groupId><artifactId>os-parent</artifactId><version>1</version>"
                + "<relativePath/></parent><artifactId>app</artifactId><profiles>"
                + profile("bsd", "<name>OpenBSD</name><arch>amd64</arch>") + profile("linux", "<name>Linux</name>")
                + profile("windows", "<family>windows</family>") + "</profiles></project>");
        assertEquals(List.of("-Pbsd,!linux,parent-bsd,!windows"), ClosureEngine.targetOptions(project,
                List.of("-DskipTests", "package"), TestMaven.javaHome(), m2, Files.createDirectories(tmp.resolve("scratch"))));
    }
}
