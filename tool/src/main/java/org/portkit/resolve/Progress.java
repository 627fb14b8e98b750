package org.portkit.resolve;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.aether.transfer.AbstractTransferListener;
import org.eclipse.aether.transfer.TransferEvent;
import org.eclipse.aether.transfer.TransferResource;

/**
 * Counts downloads; on a terminal, shows them as one line that updates in place. A download that
 * takes long is named every {@link #SLOW_NS} with the bytes it got so far, on a terminal or not, so
 * that a slow server is seen to be slow rather than taken for a hang.
 */
public final class Progress extends AbstractTransferListener {
    private static final long SLOW_NS = 10_000_000_000L;

    private final PrintStream terminal;
    private final PrintStream notices;
    private final long slowNs;
    private final AtomicLong files = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    /** Each running download, to when it started or was last named. */
    private final Map<TransferResource, Long> running = new ConcurrentHashMap<>();
    private volatile long lastDraw;

    Progress(PrintStream terminal, PrintStream notices, long slowNs) {
        this.terminal = terminal;
        this.notices = notices;
        this.slowNs = slowNs;
    }

    /** Draws on stderr only when a person is watching: CI logs and pipes stay quiet but for slow downloads. */
    public static Progress forConsole() {
        return new Progress(System.console() != null ? System.err : null, System.err, SLOW_NS);
    }

    public static Progress quiet() {
        return new Progress(null, null, SLOW_NS);
    }

    @Override
    public void transferStarted(TransferEvent event) {
        running.put(event.getResource(), System.nanoTime());
    }

    @Override
    public void transferProgressed(TransferEvent event) {
        Long since = running.get(event.getResource());
        long now = System.nanoTime();
        if (notices != null && since != null && now - since >= slowNs
                && running.replace(event.getResource(), since, now)) {
            TransferResource r = event.getResource();
            String of = r.getContentLength() > 0 ? String.format(" of %.1f", r.getContentLength() / 1e6) : "";
            synchronized (notices) {
                notices.printf("%sportkit: still downloading %s%s: %.1f%s MB so far%n", terminal != null ? "\r" : "",
                        r.getRepositoryUrl(), r.getResourceName(), event.getTransferredBytes() / 1e6, of);
            }
        }
    }

    @Override
    public void transferSucceeded(TransferEvent event) {
        running.remove(event.getResource());
        files.incrementAndGet();
        bytes.addAndGet(event.getTransferredBytes());
        draw(false);
    }

    @Override
    public void transferFailed(TransferEvent event) {
        running.remove(event.getResource());
    }

    @Override
    public void transferCorrupted(TransferEvent event) {
        running.remove(event.getResource());
    }

    public long files() {
        return files.get();
    }

    public long bytes() {
        return bytes.get();
    }

    private void draw(boolean force) {
        long now = System.nanoTime();
        if (terminal == null || (!force && now - lastDraw < 100_000_000L)) {
            return;
        }
        lastDraw = now;
        synchronized (terminal) {
            terminal.printf("\r  downloaded %d files, %.1f MB ", files.get(), bytes.get() / 1e6);
            terminal.flush();
        }
    }

    /** Ends the progress line so later output starts on a fresh line. */
    public void finish() {
        if (terminal != null && files.get() > 0) {
            draw(true);
            terminal.println();
        }
    }
}
