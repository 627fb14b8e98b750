package org.portkit.resolve;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.aether.transfer.AbstractTransferListener;
import org.eclipse.aether.transfer.TransferEvent;

/** Counts downloads; on a terminal, shows them as one line that updates in place. */
public final class Progress extends AbstractTransferListener {
    private final PrintStream terminal;
    private final AtomicLong files = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private volatile long lastDraw;

    private Progress(PrintStream terminal) {
        this.terminal = terminal;
    }

    /** Draws on stderr only when a person is watching: CI logs and pipes stay quiet. */
    public static Progress forConsole() {
        return new Progress(System.console() != null ? System.err : null);
    }

    public static Progress quiet() {
        return new Progress(null);
    }

    @Override
    public void transferSucceeded(TransferEvent event) {
        files.incrementAndGet();
        bytes.addAndGet(event.getTransferredBytes());
        draw(false);
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
