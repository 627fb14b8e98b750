package org.portkit.closure;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Where a run spends its time, one stderr line per stage ({@code portkit phase NAME: S s, N files
 * downloaded}), when {@code PORTKIT_PROFILE} is set in the environment: what the closure benchmark
 * reads to profile a cold run. Silent otherwise, so a run's output stays the same.
 */
final class Phases {
    private final PrintStream out;
    private final LongSupplier downloads;
    private long since = System.nanoTime();
    private long downloadsSince;

    private Phases(PrintStream out, LongSupplier downloads) {
        this.out = out;
        this.downloads = downloads;
    }

    /** @param downloads files downloaded so far in this run */
    static Phases fromEnvironment(LongSupplier downloads) {
        String env = System.getenv("PORTKIT_PROFILE");
        return new Phases(env != null && !env.isEmpty() ? System.err : null, downloads);
    }

    /** Ends the stage that began at the previous call (or at the start). */
    synchronized void done(String phase) {
        long now = System.nanoTime();
        took(phase, now - since, downloads.getAsLong() - downloadsSince);
        since = now;
        downloadsSince = downloads.getAsLong();
    }

    /** Reports a stage that ran beside others, timed by itself. */
    synchronized void took(String phase, long nanos, long files) {
        if (out != null) {
            out.printf(Locale.ROOT, "portkit phase %s: %.1f s, %d files downloaded%n", phase, nanos / 1e9, files);
        }
    }

    long now() {
        return System.nanoTime();
    }

    long downloads() {
        return downloads.getAsLong();
    }
}
