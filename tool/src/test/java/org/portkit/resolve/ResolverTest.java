package org.portkit.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portkit.failure.Failure;
import org.portkit.failure.PortkitException;

class ResolverTest {
    @TempDir
    Path tmp;

    private Resolver open(boolean allowHttp) {
        return Resolver.open(tmp, UserSettings.none(), Map.of(), Map.of("java.version", "17"), null, allowHttp, Progress.quiet());
    }

    @Test
    void plainHttpIsRefusedUnlessAllowed() {
        var repo = Resolver.repository("jitsi", "http://example.invalid/releases/", true, false);
        try (Resolver r = open(false)) {
            PortkitException e = assertThrows(PortkitException.class, () -> r.effective(List.of(repo)));
            assertEquals(Failure.BAD_INPUT, e.kind());
            assertTrue(e.getMessage().contains("jitsi") && e.getMessage().contains("--allow-http"), e.getMessage());
        }
        try (Resolver r = open(true)) {
            assertEquals(1, r.effective(List.of(repo)).size());
        }
    }
}
