package org.portkit.closure;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portkit.fixture.TestMaven;
import org.portkit.lock.LockFile;

/**
 * Real projects from Maven Central source releases, from an empty output repository: resolve, then
 * Maven 3.9.16 offline with only that repository must build them. On maven-dependency-plugin 3.8.1,
 * dependency:go-offline's repository fails this very check (see bench/closure-benchmark.sh).
 */
@Tag("real-world")
class RealProjectsTest {
    private static final List<String> ARGS = List.of("-DskipTests", "-Dspotless.check.skip=true", "package");

    @TempDir
    Path tmp;

    @Test
    void mavenDependencyPlugin381() throws IOException {
        cycle("org.apache.maven.plugins:maven-dependency-plugin:zip:source-release:3.8.1", TestMaven.javaHome(),
                "target/maven-dependency-plugin-3.8.1.jar");
    }

    @Test
    void mavenResolver2017() throws IOException {
        var jdk = TestMaven.jdk21();
        // Skipped, visibly, only on a machine where .ci/run found no JDK 21+ to install.
        assumeTrue(jdk.isPresent(), "no JDK 21+ on this machine: maven-resolver 2.0.17 not checked");
        cycle("org.apache.maven.resolver:maven-resolver:zip:source-release:2.0.17", jdk.get(),
                "maven-resolver-impl/target/maven-resolver-impl-2.0.17.jar");
    }

    private void cycle(String coordinates, Path javaHome, String builtJar) throws IOException {
        Path source = TestMaven.fromCentral(coordinates);
        Path m2 = tmp.resolve("m2");
        ClosureEngine.resolve(TestMaven.request(source, ARGS, javaHome, true, false), m2, tmp.resolve("portkit.lock"));
        assertTrue(LockFile.read(tmp.resolve("portkit.lock")).files().size() > 100);
        Path built = TestMaven.offlineBuild(source, m2, ARGS, javaHome, tmp);
        assertTrue(Files.isRegularFile(built.resolve(builtJar)), builtJar + " built offline");
    }
}
