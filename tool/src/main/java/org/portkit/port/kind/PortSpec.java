package org.portkit.port.kind;

import java.io.IOException;
import java.util.function.Supplier;
import org.portkit.lock.Lock;
import org.portkit.port.GeneratedPort;
import org.portkit.port.Header;
import org.portkit.port.SpecFile;

/**
 * A port spec of one kind ({@code kind = ...} in port.conf, a daemon's without it), over the header
 * every kind shares. Each kind is one type here that reads its own keys, locks with the steps
 * {@link Locking} offers, and generates its port's files from its templates, the way OpenBSD's
 * portgen gives each ecosystem one small module over a shared Port base. A new kind is a new
 * file beside these, named below.
 */
public sealed interface PortSpec permits MavenPort, MetaPort {

    /**
     * The spec in {@code file}, of the kind it names; {@code setup} gives what a meta port ships to
     * configure its parts (read from the jar only for a meta spec).
     */
    static PortSpec parse(SpecFile file, Supplier<Bundle> setup) {
        return SpecFile.reading(() -> switch (file.kind()) {
            case DaemonPort.KIND -> DaemonPort.parse(file);
            case AppPort.KIND -> AppPort.parse(file);
            case MetaPort.KIND -> MetaPort.parse(file, setup.get());
            default -> throw file.error("kind", "one of " + DaemonPort.KIND + ", " + AppPort.KIND + ", " + MetaPort.KIND);
        });
    }

    Header header();

    /** Pins what the port fetches (and, for a Maven build, its closure) as the lock to write. */
    Lock lock(Locking locking) throws IOException;

    /** The port's files from this spec and its lock. Pure. */
    GeneratedPort generate(Lock lock);
}
