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
import org.portkit.maven.MavenDistribution;

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

    private static final String FAKE = "3.0-fixture";
    private static final String CORE = "org/apache/maven/maven-core/" + FAKE + "/maven-core-" + FAKE;
    private static final String CORE_HELPER = "org/fixture/core-helper/1.0/core-helper-1.0";
    private static final String CORE_EXPORT = "org/apache/maven/maven-artifact/" + FAKE + "/maven-artifact-" + FAKE;
    private static final String PLUGIN_LIB = "org/fixture/plugin-lib/1.0/plugin-lib-1.0";
    private static final String LEGACY = "org/apache/maven/maven-project/2.0-fixture/maven-project-2.0-fixture";
    private static final String LEGACY_WAGON = "org/apache/maven/wagon/wagon-fixture/1.0/wagon-fixture-1.0";
    private static final String LEGACY_HELPER = "org/fixture/legacy-helper/1.0/legacy-helper-1.0";

    @Test
    void aPluginsTreeInScopeProvidedHasItsPomsCollectedAndNoJarAsMavenDoes() throws IOException {
        // The shape of surefire 3.0.0-M6 (measured on jitsi/jicoco): the plugin's POM manages maven-core to
        // provided, a library of the plugin depends on it. Maven collects maven-core and its own dependencies
        // (their POMs) and resolves none of their jars: it leaves scopes provided and test out of a plugin's
        // resolution. maven-artifact, exported by Maven's core as well, is in runtime scope here: Maven
        // downloads its jar, and only then hides it from the plugin's class realm.
        for (Set<String> paths : scopedPluginLocks("")) {
            assertTrue(paths.containsAll(List.of(CORE + ".pom", CORE_HELPER + ".pom")), paths.toString());
            assertFalse(paths.contains(CORE + ".jar") || paths.contains(CORE_HELPER + ".jar"), paths.toString());
            assertTrue(paths.containsAll(List.of(PLUGIN_LIB + ".jar", CORE_EXPORT + ".jar")), paths.toString());
        }
    }

    @Test
    void wagonProvidersBelowAMaven2CoreArtifactAreNotEvenCollectedAsMavenDoes() throws IOException {
        // The shape of slf4j 2.0.17's build (maven-core 2.2.1 declaring wagon-webdav-jackrabbit): Maven 3.9's
        // WagonExcluder leaves every wagon-* below an org.apache.maven:maven-*:2.* artifact out of a plugin's
        // tree, POM and all, and keeps the rest of that artifact's dependencies.
        for (Set<String> paths : scopedPluginLocks("")) {
            assertTrue(paths.containsAll(List.of(LEGACY + ".jar", LEGACY_HELPER + ".jar")), paths.toString());
            assertFalse(paths.contains(LEGACY_WAGON + ".pom") || paths.contains(LEGACY_WAGON + ".jar"), paths.toString());
        }
    }

    @Test
    void whatABuildExtensionExportsIsLeftOutOfThePluginsResolutionNodeByNode() throws IOException {
        // The extension's descriptor exports plugin-lib: Maven reads its POM, not its jar, and still resolves
        // what plugin-lib depends on (a node the filter leaves out does not take its children with it).
        for (Set<String> paths : scopedPluginLocks("""
                <extensions><extension><groupId>org.fixture</groupId><artifactId>exporting-ext</artifactId>
                  <version>1.0</version></extension></extensions>""")) {
            assertTrue(paths.containsAll(List.of(PLUGIN_LIB + ".pom", CORE_EXPORT + ".jar",
                    "org/fixture/exporting-ext/1.0/exporting-ext-1.0.jar")), paths.toString());
            assertFalse(paths.contains(PLUGIN_LIB + ".jar"), paths.toString());
        }
    }

    /**
     * A pom-packaged project running a fixture plugin in validate (its POM manages maven-core to provided,
     * its library depends on maven-core, maven-artifact and a Maven 2 maven-project that declares a wagon),
     * with {@code extensionsXml} in its build:
     * the lock's fixture files statically, then recorded, each checked by an offline build. They are the same.
     */
    private List<Set<String>> scopedPluginLocks(String extensionsXml) throws IOException {
        try (FixtureRepository fixture = new FixtureRepository(tmp.resolve("fixture"))) {
            fixture.jar("org.fixture", "core-helper", "1.0", null)
                    .jar("org.apache.maven", "maven-core", FAKE, dependency("org.fixture", "core-helper", "1.0", ""))
                    .jar("org.apache.maven", "maven-artifact", FAKE, null)
                    .jar("org.apache.maven.wagon", "wagon-fixture", "1.0", null)
                    .jar("org.fixture", "legacy-helper", "1.0", null)
                    .jar("org.apache.maven", "maven-project", "2.0-fixture",
                            dependency("org.apache.maven.wagon", "wagon-fixture", "1.0", "")
                                    + dependency("org.fixture", "legacy-helper", "1.0", ""))
                    .jar("org.fixture", "plugin-lib", "1.0", dependency("org.apache.maven", "maven-core", FAKE, "")
                            + dependency("org.apache.maven", "maven-artifact", FAKE, "")
                            + dependency("org.apache.maven", "maven-project", "2.0-fixture", ""))
                    .pom("org.fixture", "scoped-plugin", "1.0", "maven-plugin", "<dependencyManagement><dependencies>"
                            + dependency("org.apache.maven", "maven-core", FAKE, "provided")
                            + "</dependencies></dependencyManagement><dependencies>"
                            + dependency("org.fixture", "plugin-lib", "1.0", "") + "</dependencies>")
                    .publish(FixtureRepository.path("org.fixture", "scoped-plugin", "1.0", "", "jar"), pluginJar())
                    .pom("org.fixture", "exporting-ext", "1.0", "jar", "")
                    .publish(FixtureRepository.path("org.fixture", "exporting-ext", "1.0", "", "jar"),
                            FixtureRepository.jarBytes(java.util.Map.of(ExtensionExports.DESCRIPTOR, """
                                    <extension><exportedArtifacts><exportedArtifact>org.fixture:plugin-lib</exportedArtifact>
                                    </exportedArtifacts></extension>""")));
            Path source = tmp.resolve("src");
            pom(source, "app", "pom", repositories(FIXTURE_ID, fixture.url())
                    + repositories(FIXTURE_ID, fixture.url()).replace("repositor", "pluginRepositor") + """
                    <build>%s<plugins><plugin><groupId>org.fixture</groupId><artifactId>scoped-plugin</artifactId>
                      <version>1.0</version><executions><execution><id>run</id><phase>validate</phase>
                      <goals><goal>touch</goal></goals></execution></executions></plugin></plugins></build>"""
                    .formatted(extensionsXml));
            List<Set<String>> locks = new java.util.ArrayList<>();
            for (boolean record : List.of(false, true)) {
                // Checked: the offline build passes with the static closure alone, as with the recorded one.
                resolve(source, List.of("validate"), record, true);
                locks.add(paths(LockFile.read(tmp.resolve("portkit.lock"))).stream()
                        .filter(p -> p.startsWith("org/fixture/") || p.contains("fixture")).collect(Collectors.toSet()));
            }
            assertEquals(locks.get(1), locks.get(0), "static resolution and the build read the same");
            return locks;
        }
    }

    private static String dependency(String groupId, String artifactId, String version, String scope) {
        return "<dependency><groupId>" + groupId + "</groupId><artifactId>" + artifactId + "</artifactId><version>"
                + version + "</version>" + (scope.isEmpty() ? "" : "<scope>" + scope + "</scope>") + "</dependency>";
    }

    /** A Maven plugin with one goal, {@code touch}, whose mojo does nothing: compiled here against Maven's API. */
    private byte[] pluginJar() throws IOException {
        Path src = Files.createDirectories(tmp.resolve("mojo/src/fixture"));
        Path classes = Files.createDirectories(tmp.resolve("mojo/classes"));
        Files.writeString(src.resolve("TouchMojo.java"), """
                package fixture;

                import org.apache.maven.plugin.Mojo;
                import org.apache.maven.plugin.logging.Log;

                public class TouchMojo implements Mojo {
                    private Log log;

                    public void execute() {}

                    public void setLog(Log log) {
                        this.log = log;
                    }

                    public Log getLog() {
                        return log;
                    }
                }
                """);
        Path api = TestMaven.maven().home().resolve("lib/maven-plugin-api-" + MavenDistribution.DEFAULT_VERSION + ".jar");
        int status = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "--release", "17",
                "-classpath", api.toString(), "-d", classes.toString(), src.resolve("TouchMojo.java").toString());
        assertEquals(0, status, "the fixture mojo compiles");
        String descriptor = """
                <plugin>
                  <name>scoped-plugin</name><groupId>org.fixture</groupId><artifactId>scoped-plugin</artifactId>
                  <version>1.0</version><goalPrefix>scoped</goalPrefix>
                  <mojos><mojo><goal>touch</goal><implementation>fixture.TouchMojo</implementation>
                    <language>java</language><instantiationStrategy>per-lookup</instantiationStrategy>
                    <executionStrategy>once-per-session</executionStrategy><threadSafe>true</threadSafe>
                    <parameters/></mojo></mojos>
                </plugin>
                """;
        return FixtureRepository.binaryJarBytes(java.util.Map.of(
                "META-INF/maven/plugin.xml", descriptor.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "fixture/TouchMojo.class", Files.readAllBytes(classes.resolve("fixture/TouchMojo.class"))));
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
