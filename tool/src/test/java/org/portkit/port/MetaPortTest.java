package org.portkit.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portkit.cli.Main;
import org.portkit.fixture.FixtureRepository;
import org.portkit.io.Hashing;
import org.portkit.lock.Lock;
import org.portkit.lock.LockFile;
import org.portkit.site.SiteTemplates;
import org.portkit.workspace.Tree;

/** www/jitsi-meta's shape: generated from a meta spec, linted, locked distfile by distfile. */
class MetaPortTest {
    @TempDir
    Path tmp;

    @Test
    void metaPortShipsSetupAndTemplatesAndDependsOnTheStack() throws IOException {
        Path spec = spec("https://example.org/src/", "https://example.org/src/");
        GeneratedPort port = Tree.spec(spec).generate(Lock.ofDistfiles(List.of()));
        String makefile = port.files().get("Makefile");
        assertTrue(makefile.contains("RUN_DEPENDS =\tnet/jicofo \\\n\t\tnet/jitsi-videobridge \\\n\t\tnet/prosody \\\n"
                + "\t\twww/nginx\n"), makefile);
        assertTrue(makefile.contains("SITES.web =\thttps://example.org/src/\nDISTFILES.web =\tweb-1.0.tar.bz2\n"), makefile);
        assertEquals(SiteTemplates.setupScript(), port.files().get("files/jitsi-setup"));
        SiteTemplates.shipped().forEach((name, text) -> assertEquals(text, port.files().get("files/templates/" + name), name));
        assertEquals(List.of("web-1.0.tar.bz2", "plugins-1.0.tar.gz"), port.unverified());
        assertEquals("", port.files().get("distinfo"), "nothing unhashed gets a checksum");
        assertTrue(port.files().get("pkg/README").contains("    # jitsi-setup meet.example.org\n"));
        // what is unverified is the porter's business: the Makefile's comment, not the installed README
        assertTrue(makefile.contains("# Not verified yet: distinfo has no checksum for 2 distfiles"), makefile);
        assertFalse(port.files().get("pkg/README").contains("distinfo"), port.files().get("pkg/README"));
        assertEquals(List.of(), port.lint());
    }

    @Test
    void lintHoldsTheMetaReadmeToWhoeverInstallsThePackage() throws IOException {
        GeneratedPort port = Tree.spec(spec("https://example.org/src/", "https://example.org/src/"))
                .generate(Lock.ofDistfiles(List.of()));
        SortedMap<String, String> files = new TreeMap<>(port.files());
        files.put("pkg/README", files.get("pkg/README") + "\nComplete the port with portkit lock specs/www/x.\n");
        List<Lint.Finding> findings = Lint.check(files, port.rcScript(), port.unverified());
        assertEquals(List.of("readme"), findings.stream().map(Lint.Finding::rule).toList(), findings.toString());
        assertTrue(port.files().get("pkg/README").contains("\"portkit verify-config /\""),
                "the administrator's command is no porter word");
    }

    @Test
    void lockPinsWhatItReachesAndAPartialLockNamesTheRest() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        try (FixtureRepository site = new FixtureRepository(tmp.resolve("site"))) {
            site.publish("src/web-1.0.tar.bz2", "the web app".getBytes());
            Path spec = spec(site.url() + "src/", "http://127.0.0.1:" + closed + "/src/");
            String[] lock = {"lock", "--root", tmp.toString(), "--allow-http", "--cache", tmp.resolve("cache").toString(),
                    spec.toString()};

            assertEquals(4, Main.run(lock), "an unreachable site is fatal unless --partial");
            assertEquals(0, Main.run(append(lock, "--partial")));
            Lock pinned = LockFile.read(spec.resolve("portkit.lock"));
            assertEquals(Hashing.sha256(site.root().resolve("src/web-1.0.tar.bz2")),
                    pinned.source("web-1.0.tar.bz2").orElseThrow().sha256());
            assertTrue(pinned.source("plugins-1.0.tar.gz").isEmpty());
            Path port = tmp.resolve("ports/www/jitsi-meta");
            assertTrue(Files.readString(port.resolve("distinfo")).contains("SIZE (web-1.0.tar.bz2) = 11\n"));
            assertFalse(Files.readString(port.resolve("distinfo")).contains("plugins-1.0.tar.gz"));
            assertTrue(Files.readString(port.resolve("Makefile")).contains("# Not verified yet: distinfo has no checksum for 1 distfile,"));
            assertEquals(0, Main.run("check", "--root", tmp.toString()));

            // A site that answers, but not with the file: a wrong name, fatal even with --partial.
            Files.writeString(spec.resolve("port.conf"), Files.readString(spec.resolve("port.conf"))
                    .replace("http://127.0.0.1:" + closed + "/", site.url()));
            assertEquals(4, Main.run(append(lock, "--partial")));
        }
    }

    private static String[] append(String[] args, String more) {
        String[] out = java.util.Arrays.copyOf(args, args.length + 1);
        out[args.length] = more;
        return out;
    }

    private Path spec(String webSite, String pluginsSite) throws IOException {
        Path spec = Files.createDirectories(tmp.resolve("specs/www/jitsi-meta"));
        Files.writeString(spec.resolve("port.conf"), """
                kind = meta
                category = www
                name = jitsi-meta
                comment = "Jitsi Meet on one host, configured from one domain"
                version = "1.0"
                homepage = "https://jitsi.org/"
                maintainer = "portkit maintainers <portkit@example.org>"
                license = "Apache-2.0"
                descr = "The stack on one host."
                run-depends = [net/jicofo, net/jitsi-videobridge, net/prosody, www/nginx]
                distfiles = [
                  { id = web, site = "%s", file = "web-1.0.tar.bz2", from = "${WRKDIR}/web", to = "share/jitsi-meet/web" }
                  { id = plugins, site = "%s", file = "plugins-1.0.tar.gz", from = "${WRKDIR}/plugins",
                    to = "share/jitsi-meet/prosody-plugins" }
                ]
                """.formatted(webSite, pluginsSite));
        return spec;
    }
}
