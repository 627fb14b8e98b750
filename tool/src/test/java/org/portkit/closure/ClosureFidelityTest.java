package org.portkit.closure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portkit.failure.Failure;
import org.portkit.failure.PortkitException;
import org.portkit.fixture.FixtureRepository;
import org.portkit.fixture.TestMaven;
import org.portkit.lock.Lock;
import org.portkit.lock.LockEntry;
import org.portkit.lock.LockFile;

/**
 * The closure is the one the build on the target reads, with the real Maven 3.9.16: the reactor
 * options choose the modules, {@code <os>} profiles and os-maven-plugin's classifiers are
 * OpenBSD's, and a recorded build's lock holds what it read and nothing more.
 */
@Tag("maven")
class ClosureFidelityTest {
    private static final String FIXTURE_ID = "fidelity-fixture";
    private static final String DEAD_ID = "fidelity-dead";

    @TempDir
    Path tmp;

    @BeforeEach
    void forgetFixtures() throws IOException {
        TestMaven.forgetRepository(FIXTURE_ID);
        TestMaven.forgetRepository(DEAD_ID);
    }

    @Test
    void anExcludedModuleIsNotResolvedAndTheRestBuildsOffline() throws IOException {
        String dead;
        try (FixtureRepository closed = new FixtureRepository(tmp.resolve("dead"))) {
            dead = closed.url();
        }
        Path source = tmp.resolve("src");
        pom(source, "root", "pom", "<modules><module>app</module><module>mod</module></modules>");
        jarModule(source.resolve("app"), "app", "");
        jarModule(source.resolve("mod"), "mod", repositories(DEAD_ID, dead)
                + "<dependencies><dependency><groupId>org.fixture</groupId><artifactId>only-there</artifactId>"
                + "<version>1.0</version></dependency></dependencies>");

        PortkitException whole = assertThrows(PortkitException.class,
                () -> resolve(source, List.of("-DskipTests", "package"), true, false));
        assertEquals(Failure.UNOBTAINABLE, whole.kind(), "the whole reactor needs the unreachable repository");

        List<String> args = List.of("-pl", "!mod", "-DskipTests", "package");
        ClosureEngine.Result result = resolve(source, args, true, true);
        assertEquals(ClosureEngine.Recording.RAN, result.recording());
        Lock lock = LockFile.read(tmp.resolve("portkit.lock"));
        assertFalse(lock.repositories().containsKey(DEAD_ID), lock.repositories().toString());
        assertTrue(paths(lock).stream().noneMatch(p -> p.contains("only-there")));
        Path built = TestMaven.offlineBuild(source, tmp.resolve("m2"), args, TestMaven.javaHome(), tmp);
        assertTrue(Files.isRegularFile(built.resolve("app/target/app-1.0.jar")), "app built offline");
        assertFalse(Files.exists(built.resolve("mod/target")), "mod is not part of the build");
    }

    @Test
    void osProfilesAndPlatformClassifiersAreOpenBsdsNotTheHosts() throws IOException {
        try (FixtureRepository fixture = new FixtureRepository(tmp.resolve("fixture"))) {
            fixture.jar("org.fixture", "obsd-lib", "1.0", null);
            fixture.jar("org.fixture", "linux-lib", "1.0", null);
            fixture.pom("org.fixture", "native-lib", "1.0", "jar", "");
            for (String platform : List.of("openbsd-x86_64", "linux-x86_64")) {
                fixture.publish(FixtureRepository.path("org.fixture", "native-lib", "1.0", platform, "jar"),
                        FixtureRepository.jarBytes(java.util.Map.of("native.txt", platform)));
            }
            Path source = tmp.resolve("src");
            jarModule(source, "app", repositories(FIXTURE_ID, fixture.url()) + """
                    <dependencies><dependency><groupId>org.fixture</groupId><artifactId>native-lib</artifactId>
                      <version>1.0</version><classifier>${os.detected.classifier}</classifier></dependency></dependencies>
                    <build><extensions><extension><groupId>kr.motd.maven</groupId><artifactId>os-maven-plugin</artifactId>
                      <version>1.7.1</version></extension></extensions></build>
                    <profiles>
                      <profile><id>openbsd</id><activation><os><name>OpenBSD</name><arch>amd64</arch></os></activation>
                        <dependencies><dependency><groupId>org.fixture</groupId><artifactId>obsd-lib</artifactId>
                          <version>1.0</version></dependency></dependencies></profile>
                      <profile><id>linux</id><activation><os><name>Linux</name></os></activation>
                        <dependencies><dependency><groupId>org.fixture</groupId><artifactId>linux-lib</artifactId>
                          <version>1.0</version></dependency></dependencies></profile>
                    </profiles>""");
            List<String> args = List.of("-DskipTests", "package");
            for (boolean record : List.of(false, true)) {
                // Statically, then recorded and checked offline: both see OpenBSD.
                resolve(source, args, record, record);
                Lock lock = LockFile.read(tmp.resolve("portkit.lock"));
                Set<String> paths = paths(lock);
                String how = record ? "recorded" : "static";
                assertEquals("OpenBSD amd64", lock.target());
                assertTrue(paths.contains("org/fixture/obsd-lib/1.0/obsd-lib-1.0.jar"), how + ": OpenBSD profile");
                assertFalse(paths.contains("org/fixture/linux-lib/1.0/linux-lib-1.0.jar"), how + ": no Linux profile");
                assertTrue(paths.contains("org/fixture/native-lib/1.0/native-lib-1.0-openbsd-x86_64.jar"), how + ": " + paths);
                if (!record) {
                    // Recorded, the host's classifier stays too: os-maven-plugin picked it for the check build here.
                    assertFalse(paths.contains("org/fixture/native-lib/1.0/native-lib-1.0-linux-x86_64.jar"), how);
                }
                assertTrue(LockFile.render(lock).contains("\ntarget OpenBSD amd64\n"));
            }
        }
    }

    @Test
    void aRecordedLockHoldsWhatTheBuildReadAndStillBuildsOffline() throws IOException {
        Path source = tmp.resolve("src");
        // antrun runs in install, which 'package' does not reach. checkstyle:check has no phase: its
        // descriptor binds it to verify, not reached either, so Maven reads only the plugin's POM and jar.
        // exec-maven-plugin's execution is bound to "none", no phase Maven knows: static resolution keeps
        // its whole tree in doubt (an extension's lifecycle could have such a phase), Maven never loads it.
        jarModule(source, "app", """
                <build><plugins>
                  <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-antrun-plugin</artifactId>
                    <version>3.1.0</version><executions><execution><id>late</id><phase>install</phase>
                    <goals><goal>run</goal></goals></execution></executions></plugin>
                  <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-checkstyle-plugin</artifactId>
                    <version>3.1.2</version><executions><execution><id>by-default</id><goals><goal>check</goal></goals>
                    </execution></executions></plugin>
                  <plugin><groupId>org.codehaus.mojo</groupId><artifactId>exec-maven-plugin</artifactId>
                    <version>3.5.0</version><executions><execution><id>in-doubt</id><phase>none</phase>
                    <goals><goal>java</goal></goals>
                    <configuration><mainClass>app.App</mainClass></configuration></execution></executions></plugin>
                </plugins></build>""");
        List<String> args = List.of("-DskipTests", "package");

        resolve(source, args, false, false);
        Lock statics = LockFile.read(tmp.resolve("portkit.lock"));
        String commonsExec = "org/apache/commons/commons-exec/";
        assertTrue(paths(statics).stream().anyMatch(p -> p.startsWith(commonsExec) && p.endsWith(".jar")),
                "static resolution keeps the plugin's tree");

        resolve(source, args, true, true);
        Lock recorded = LockFile.read(tmp.resolve("portkit.lock"));
        String checkstyle = "org/apache/maven/plugins/maven-checkstyle-plugin/3.1.2/maven-checkstyle-plugin-3.1.2.";
        for (Lock lock : List.of(statics, recorded)) {
            assertTrue(paths(lock).stream().noneMatch(p -> p.contains("maven-antrun-plugin")),
                    "an execution in a phase not reached adds nothing");
            assertTrue(paths(lock).containsAll(List.of(checkstyle + "pom", checkstyle + "jar")),
                    "Maven reads the descriptor of a plugin whose execution names no phase");
            assertTrue(paths(lock).stream().noneMatch(p -> p.startsWith("com/puppycrawl/")),
                    "a goal whose default phase is not reached adds nothing beyond the descriptor");
        }
        assertTrue(paths(recorded).stream().noneMatch(p -> p.startsWith(commonsExec)), "the build never reads it");
        assertTrue(recorded.files().size() < statics.files().size(),
                recorded.files().size() + " recorded, " + statics.files().size() + " static");
        Path built = TestMaven.offlineBuild(source, tmp.resolve("m2"), args, TestMaven.javaHome(), tmp);
        assertTrue(Files.isRegularFile(built.resolve("target/app-1.0.jar")), "built offline with the recorded set");
    }

    private ClosureEngine.Result resolve(Path source, List<String> args, boolean record, boolean check) {
        Path m2 = tmp.resolve("m2");
        try {
            org.portkit.io.AtomicFiles.deleteTree(m2);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return ClosureEngine.resolve(TestMaven.request(source, args, TestMaven.javaHome(), record, check), m2,
                tmp.resolve("portkit.lock"));
    }

    private static Set<String> paths(Lock lock) {
        return lock.files().stream().map(LockEntry::path).collect(Collectors.toSet());
    }

    private static String repositories(String id, String url) {
        return "<repositories><repository><id>" + id + "</id><url>" + url + "</url></repository></repositories>";
    }

    private static void jarModule(Path dir, String artifactId, String body) throws IOException {
        pom(dir, artifactId, "jar", body);
        Path java = dir.resolve("src/main/java/" + artifactId + "/App.java");
        Files.createDirectories(java.getParent());
        Files.writeString(java, "package " + artifactId + ";\n\npublic class App {\n    public static void main(String[] args) {}\n}\n");
    }

    private static void pom(Path dir, String artifactId, String packaging, String body) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>org.fidelity</groupId>
                  <artifactId>%s</artifactId>
                  <version>1.0</version>
                  <packaging>%s</packaging>
                  <properties>
                    <maven.compiler.release>17</maven.compiler.release>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                  </properties>
                  %s
                </project>
                """.formatted(artifactId, packaging, body));
    }
}
