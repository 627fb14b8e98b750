package org.portkit.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portkit.cache.Cache;
import org.portkit.closure.ClosureEngine;
import org.portkit.fixture.FixtureRepository;
import org.portkit.io.Hashing;
import org.portkit.lock.LockFile;
import org.portkit.maven.MavenDistribution;
import org.portkit.resolve.UserSettings;

/** The lock workflow as a service: a plain request in, what it does said to a listener, no command line. */
class LockWorkflowTest {
    @TempDir
    Path tmp;

    @Test
    void locksAMetaSpecAndSaysWhatItDid() throws IOException {
        try (FixtureRepository site = new FixtureRepository(tmp.resolve("site"))) {
            site.publish("src/web-1.0.tar.bz2", "the web app".getBytes());
            Path spec = Files.createDirectories(tmp.resolve("tree/specs/www/meta"));
            Files.writeString(spec.resolve("port.conf"), """
                    kind = meta
                    category = www
                    name = meta
                    comment = "a meta port"
                    version = "1.0"
                    homepage = "https://example.org/"
                    maintainer = "portkit maintainers <portkit@example.org>"
                    license = "Apache-2.0"
                    descr = "Brings two ports together."
                    run-depends = [net/a, net/b]
                    distfiles = [ { id = web, site = "%s", file = "web-1.0.tar.bz2", from = "${WRKDIR}/web", to = "share/web" } ]
                    """.formatted(site.url() + "src/"));
            Cache cache = new Cache(tmp.resolve("cache"));
            LockWorkflow.Request request = new LockWorkflow.Request(new ClosureEngine.Environment(
                    MavenDistribution.DEFAULT_VERSION, Path.of(System.getProperty("java.home")), cache, UserSettings.none()),
                    Set.of(ClosureEngine.Option.ALLOW_HTTP), Optional.empty());
            List<String> said = new ArrayList<>();

            new LockWorkflow(new Tree(tmp.resolve("tree")), request, said::add).lock(spec);

            assertEquals(List.of("===> fetching " + site.url() + "src/web-1.0.tar.bz2",
                    "wrote ports/www/meta: every distfile verified"), said);
            assertEquals(Hashing.sha256(cache.distfiles().resolve("web-1.0.tar.bz2")),
                    LockFile.read(spec.resolve("portkit.lock")).source("web-1.0.tar.bz2").orElseThrow().sha256());
            assertTrue(Files.readString(tmp.resolve("tree/ports/www/meta/distinfo")).contains("SIZE (web-1.0.tar.bz2) = 11\n"));
        }
    }
}
