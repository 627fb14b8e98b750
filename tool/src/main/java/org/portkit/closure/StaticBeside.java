package org.portkit.closure;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.eclipse.aether.repository.RemoteRepository;
import org.portkit.resolve.Problems;

/**
 * Static resolution on a thread of its own, beside the recording build, which leads: the two
 * share one resolver, so a file either fetches is fetched once, and a cold run takes about as long
 * as the build. Static resolution still does what only it can: it finds the repositories that
 * dependency POMs declare (the mirror asks for them when a request finds nothing elsewhere), and
 * it names every artifact that cannot be obtained. When it fails, or finds such artifacts, it stops
 * the recording build at once, as it stopped the build from starting when the two ran in turn.
 */
final class StaticBeside {
    private final CompletableFuture<Map<String, RemoteRepository>> done;
    private final Thread leader = Thread.currentThread();
    private boolean leading = true;

    /**
     * @param staticClosure the static resolution to run, returning every repository known once it is done
     * @param problems where it (and the recording) note what could not be obtained
     */
    StaticBeside(Supplier<Map<String, RemoteRepository>> staticClosure, Problems problems, Phases phases) {
        done = CompletableFuture.supplyAsync(() -> {
            long start = phases.now();
            long files = phases.downloads();
            try {
                Map<String, RemoteRepository> repositories = staticClosure.get();
                if (!problems.isEmpty()) {
                    stopLeader();
                }
                return repositories;
            } catch (RuntimeException | Error e) {
                stopLeader();
                throw e;
            } finally {
                phases.took("static (beside the recording)", phases.now() - start, phases.downloads() - files);
            }
        });
    }

    /** Every repository known once static resolution is done (blocks until then); none more if it failed. */
    Map<String, RemoteRepository> repositories() {
        try {
            return done.join();
        } catch (CompletionException e) {
            return Map.of();
        }
    }

    /** Called by the leader when its build is over: waits for static resolution and rethrows its failure. */
    void join() {
        synchronized (this) {
            leading = false;
        }
        Thread.interrupted(); // an interruption that came after the build ended is no longer meant
        try {
            done.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    private synchronized void stopLeader() {
        if (leading) {
            leader.interrupt();
        }
    }
}
