package org.portkit.license;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portkit.lock.License;
import org.portkit.lock.Lock;
import org.portkit.lock.LockEntry;
import org.portkit.lock.Unverified;

class PomLicensesTest {
    @TempDir
    Path repo;

    private final TreeSet<LockEntry> files = new TreeSet<>();
    private final TreeSet<Unverified> unverified = new TreeSet<>();

    /** Writes g:a:v's POM (and a jar beside it, unless {@code packaging} is pom) into the fake repository and the lock. */
    private void pom(String gav, String packaging, String body) throws IOException {
        String[] c = gav.split(":");
        String dir = c[0].replace('.', '/') + "/" + c[1] + "/" + c[2] + "/" + c[1] + "-" + c[2];
        Path pom = repo.resolve(dir + ".pom");
        Files.createDirectories(pom.getParent());
        Files.writeString(pom, """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>%s</groupId><artifactId>%s</artifactId><version>%s</version>
                  <packaging>%s</packaging>
                  %s
                </project>
                """.formatted(c[0], c[1], c[2], packaging, body));
        files.add(new LockEntry("central", dir + ".pom", "0".repeat(64), 1));
        if (!packaging.equals("pom")) {
            files.add(new LockEntry("central", dir + ".jar", "1".repeat(64), 1));
        }
    }

    private static String licenses(String... nameAndUrl) {
        StringBuilder out = new StringBuilder("<licenses>");
        for (int i = 0; i < nameAndUrl.length; i += 2) {
            out.append("<license>")
                    .append(nameAndUrl[i] == null ? "" : "<name>" + nameAndUrl[i] + "</name>")
                    .append(nameAndUrl[i + 1] == null ? "" : "<url>" + nameAndUrl[i + 1] + "</url>")
                    .append("</license>");
        }
        return out.append("</licenses>").toString();
    }

    private static String parent(String gav) {
        String[] c = gav.split(":");
        return "<parent><groupId>%s</groupId><artifactId>%s</artifactId><version>%s</version></parent>".formatted(c[0], c[1], c[2]);
    }

    private Map<String, License> read() {
        Lock lock = new Lock("3.9.16", List.of("package"), new TreeMap<>(Map.of("central", "https://c/")), new TreeSet<>(),
                new TreeSet<>(), files, unverified, List.of(), new TreeSet<>());
        return PomLicenses.of(lock, e -> repo.resolve(e.path()));
    }

    @Test
    void eachJarArtifactGetsItsPomsLicenseOrItsNearestParentsAndPomOnlyArtifactsNone() throws IOException {
        pom("org.example:root:1", "pom", licenses("The Apache Software License, Version 2.0",
                "http://www.apache.org/licenses/LICENSE-2.0.txt"));
        pom("org.example:mid:1", "pom", parent("org.example:root:1"));
        pom("org.example:inherits:1", "jar", parent("org.example:mid:1"));
        pom("org.example:own:2", "jar", parent("org.example:root:1") + licenses("MIT License", null));
        assertEquals(Map.of(
                "org.example:inherits:1", License.spdx("Apache-2.0"),
                "org.example:own:2", License.spdx("MIT")), read());
    }

    @Test
    void twoLicensesAreAChoiceAndAUrlAloneIsEnough() throws IOException {
        pom("jakarta.annotation:jakarta.annotation-api:2.1.1", "jar", licenses(
                "EPL 2.0", "http://www.eclipse.org/legal/epl-2.0",
                "GPL2 w/ CPE", "https://www.gnu.org/software/classpath/license.html"));
        pom("org.example:url-only:1", "jar", licenses(null, "https://opensource.org/licenses/BSD-3-Clause"));
        assertEquals(Map.of(
                "jakarta.annotation:jakarta.annotation-api:2.1.1",
                License.spdx("EPL-2.0 OR GPL-2.0-only WITH Classpath-exception-2.0"),
                "org.example:url-only:1", License.spdx("BSD-3-Clause")), read());
    }

    @Test
    void unknownAndNonFreeLicensesKeepThePomsWords() throws IOException {
        pom("org.bouncycastle:bcprov:1.78", "jar", licenses("Bouncy Castle Licence", "https://www.bouncycastle.org/licence.html"));
        pom("com.vendor:sdk:3", "jar", licenses("Commercial", null));
        pom("org.example:dual:1", "jar", licenses("Apache-2.0", null, "Proprietary", "https://vendor.example/eula"));
        pom("org.example:silent:1", "jar", "");
        assertEquals(Map.of(
                "org.bouncycastle:bcprov:1.78", License.unknown("Bouncy Castle Licence <https://www.bouncycastle.org/licence.html>"),
                "com.vendor:sdk:3", License.unknown("Commercial"),
                "org.example:dual:1", License.unknown("Apache-2.0; Proprietary <https://vendor.example/eula>"),
                "org.example:silent:1", License.unknown("none declared")), read());
    }

    @Test
    void aPomOrParentThatCouldNotBeFetchedIsSaidSo() throws IOException {
        pom("org.example:orphan:1", "jar", parent("org.jitsi:jitsi-parent:5"));
        pom("org.example:no-parent-pom:1", "jar", parent("org.example:absent:1"));
        unverified.add(new Unverified("jitsi", "org/jitsi/jitsi-parent/5/jitsi-parent-5.pom", "unreachable: unknown host"));
        unverified.add(new Unverified("jitsi", "org/jitsi/jicoco/1.1/jicoco-1.1.jar", "unreachable: unknown host"));
        unverified.add(new Unverified("jitsi", "org/jitsi/jicoco/1.1/jicoco-1.1.pom", "unreachable: unknown host"));
        assertEquals(Map.of(
                "org.example:orphan:1", License.unknown("not fetched (parent org.jitsi:jitsi-parent:5)"),
                "org.example:no-parent-pom:1", License.unknown("POM not in the lock (parent org.example:absent:1)"),
                "org.jitsi:jicoco:1.1", License.unknown("not fetched")), read());
    }

    @Test
    void aParentCycleEnds() throws IOException {
        pom("org.example:a:1", "jar", parent("org.example:b:1"));
        pom("org.example:b:1", "pom", parent("org.example:a:1"));
        assertEquals(Map.of("org.example:a:1", License.unknown("parent cycle at org.example:a:1")), read());
    }
}
