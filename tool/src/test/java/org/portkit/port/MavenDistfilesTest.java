package org.portkit.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.portkit.lock.Lock;
import org.portkit.lock.LockEntry;

class MavenDistfilesTest {
    // SHA-256 of the empty string: hex and the base64 that distinfo carries.
    static final String EMPTY_HEX = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    static final String EMPTY_B64 = "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";

    static Lock lock() {
        TreeMap<String, String> repos = new TreeMap<>();
        repos.put("central", "https://central.example/maven2/");
        repos.put("jitsi-maven-repository-releases", "https://example.org/releases/");
        TreeSet<LockEntry> files = new TreeSet<>();
        files.add(new LockEntry("jitsi-maven-repository-releases",
                "org/igniterealtime/smack/smack-core/4.4.8-jitsi-4/smack-core-4.4.8-jitsi-4.jar", EMPTY_HEX, 0));
        files.add(new LockEntry("central", "org/ow2/asm/asm/9.7/asm-9.7.jar", EMPTY_HEX, 0));
        files.add(new LockEntry("central", "org/apache/apache/35/apache-35.pom", EMPTY_HEX, 0));
        return new Lock("3.9.16", List.of("package"), repos, new TreeSet<>(), new TreeSet<>(), files);
    }

    @Test
    void eachArtifactIsADistfileFromItsOwnRepository() {
        String inc = MavenDistfiles.render(lock());
        assertTrue(inc.contains("SITES.central =\thttps://central.example/maven2/\n"), inc);
        assertTrue(inc.contains("SITES.jitsi_maven_repository_releases =\thttps://example.org/releases/\n"), inc);
        assertTrue(inc.contains("DISTFILES.central +=\tmaven/org/apache/apache/35/apache-35.pom{org/apache/apache/35/apache-35.pom}\n"
                + "DISTFILES.central +=\tmaven/org/ow2/asm/asm/9.7/asm-9.7.jar{org/ow2/asm/asm/9.7/asm-9.7.jar}\n"), inc);
        assertTrue(inc.contains("DISTFILES.jitsi_maven_repository_releases +=\tmaven/org/igniterealtime/"), inc);
        assertEquals(inc, MavenDistfiles.render(lock()));
    }

    @Test
    void distinfoIsSha256LinesThenSizeLinesSortedWithBase64Digests() {
        String text = MavenDistfiles.distinfo(lock(), new Distinfo().add("jitsi-jicofo-jitsi-meet_11146.tar.gz", EMPTY_HEX, 0)).render();
        List<String> lines = text.lines().toList();
        assertEquals(8, lines.size());
        assertEquals("SHA256 (jitsi-jicofo-jitsi-meet_11146.tar.gz) = " + EMPTY_B64, lines.get(0));
        assertEquals("SHA256 (maven/org/apache/apache/35/apache-35.pom) = " + EMPTY_B64, lines.get(1));
        assertTrue(lines.subList(0, 4).stream().allMatch(l -> l.startsWith("SHA256 (")));
        assertEquals("SIZE (jitsi-jicofo-jitsi-meet_11146.tar.gz) = 0", lines.get(4));
    }

    @Test
    void unverifiedFilesAreDistfilesWithoutChecksum() {
        Lock complete = lock();
        java.util.TreeSet<org.portkit.lock.Unverified> missing = new java.util.TreeSet<>();
        missing.add(new org.portkit.lock.Unverified("jitsi-maven-repository-releases",
                "org/jitsi/jitsi-dcsctp/1.0-7-gb548df2/jitsi-dcsctp-1.0-7-gb548df2.jar", "unreachable: unknown host"));
        Lock partial = new Lock(complete.mavenVersion(), complete.mavenArgs(), complete.repositories(), complete.prefixes(),
                complete.metadata(), complete.files(), missing, List.of("run-time artifacts were not recorded"), new TreeSet<>());
        assertTrue(MavenDistfiles.render(partial).contains(
                "DISTFILES.jitsi_maven_repository_releases +=\tmaven/org/jitsi/jitsi-dcsctp/"), "still fetched");
        assertTrue(!MavenDistfiles.distinfo(partial, new Distinfo()).render().contains("jitsi-dcsctp"), "never a made-up checksum");
        assertEquals(partial, org.portkit.lock.LockFile.parse("l", org.portkit.lock.LockFile.render(partial).lines().toList()));
    }

    @Test
    void noPlaceholderDigest() {
        assertThrows(IllegalArgumentException.class, () -> new Distinfo().add("x.tar.gz", "UNVERIFIED", 0));
    }
}
