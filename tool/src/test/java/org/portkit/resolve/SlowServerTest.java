package org.portkit.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portkit.failure.Failure;
import org.portkit.failure.PortkitException;
import org.portkit.fixture.MisbehavingServer;

/** A server that stops sending does not hang a run: the download fails after the silence timeout, naming the URL. */
class SlowServerTest {
    @TempDir
    Path tmp;

    @AfterEach
    void defaultTimeout() {
        System.clearProperty("portkit.network.timeout");
    }

    @Test
    void aShortContentLengthOnAKeptAliveConnectionFailsAfterTheSilenceTimeout() throws IOException {
        System.setProperty("portkit.network.timeout", "2");
        try (ServerSocket server = MisbehavingServer.shortContentLength();
                Resolver resolver = Resolver.open(tmp, UserSettings.none(), Map.of(), Map.of("java.version", "17"), null, true, Progress.quiet())) {
            String url = "http://127.0.0.1:" + server.getLocalPort() + "/";
            long start = System.nanoTime();
            resolver.resolve(new DefaultArtifact("org.fixture:lib:pom:1.0"),
                    List.of(Resolver.repository("slow", url, true, false)));
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            PortkitException e = assertThrows(PortkitException.class, () -> resolver.problems().throwIfAny("POMs"));
            assertEquals(Failure.UNOBTAINABLE, e.kind(), e.getMessage());
            assertTrue(seconds < 20, "gave up after " + seconds + " s");
            assertTrue(e.getMessage().contains(url + "org/fixture/lib/1.0/lib-1.0.pom"), e.getMessage());
        }
    }

    @Test
    void aSlowDownloadIsNamedWithTheBytesItGotSoFar() throws IOException {
        java.io.ByteArrayOutputStream seen = new java.io.ByteArrayOutputStream();
        Progress progress = new Progress(null, new java.io.PrintStream(seen, true, StandardCharsets.UTF_8), 300_000_000L);
        try (ServerSocket server = MisbehavingServer.trickle();
                Resolver resolver = Resolver.open(tmp, UserSettings.none(), Map.of(), Map.of("java.version", "17"), null, true, progress)) {
            String url = "http://127.0.0.1:" + server.getLocalPort() + "/";
            resolver.resolve(new DefaultArtifact("org.fixture:lib:pom:1.0"), List.of(Resolver.repository("slow", url, true, false)));
        }
        String notices = seen.toString(StandardCharsets.UTF_8);
        assertTrue(notices.contains("portkit: still downloading " + "http://127.0.0.1:"), notices);
        assertTrue(notices.contains("org/fixture/lib/1.0/lib-1.0.pom") && notices.contains("MB so far"), notices);
    }
}
