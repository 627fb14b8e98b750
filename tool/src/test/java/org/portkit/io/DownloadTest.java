package org.portkit.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portkit.failure.Failure;
import org.portkit.failure.PortkitException;
import org.portkit.fixture.MisbehavingServer;

class DownloadTest {
    @TempDir
    Path tmp;

    @AfterEach
    void defaultTimeout() {
        System.clearProperty("portkit.network.timeout");
    }

    @Test
    void aDistfileServerThatStopsSendingFailsTheDownloadAfterTheSilenceTimeout() throws IOException {
        System.setProperty("portkit.network.timeout", "2");
        try (ServerSocket server = MisbehavingServer.shortContentLength()) {
            String url = "http://127.0.0.1:" + server.getLocalPort() + "/app-1.0.tar.gz";
            long start = System.nanoTime();
            PortkitException e = assertThrows(PortkitException.class,
                    () -> Download.to(url, tmp.resolve("app-1.0.tar.gz"), "distfile app-1.0.tar.gz"));
            assertTrue((System.nanoTime() - start) / 1e9 < 20, "gave up in time");
            assertEquals(Failure.UNOBTAINABLE, e.kind());
            assertTrue(e.getMessage().contains(url) && e.getMessage().contains("sent nothing for 2 s"), e.getMessage());
            assertFalse(Files.exists(tmp.resolve("app-1.0.tar.gz")));
            try (var list = Files.list(tmp)) {
                assertEquals(0, list.count(), "no .part left behind");
            }
        }
    }
}
