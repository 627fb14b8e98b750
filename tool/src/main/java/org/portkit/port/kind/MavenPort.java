package org.portkit.port.kind;

import java.io.IOException;
import org.portkit.lock.Lock;
import org.portkit.port.Header;

/**
 * A kind of port that Maven builds from a source archive: its header is its build's, and it locks
 * as every Maven build does (pin the source, resolve and prove the closure). What update and lock
 * share across such kinds.
 */
public sealed interface MavenPort extends PortSpec permits DaemonPort, AppPort {
    MavenBuild build();

    @Override
    default Header header() {
        return build().header();
    }

    @Override
    default Lock lock(Locking locking) throws IOException {
        return build().lock(locking);
    }
}
