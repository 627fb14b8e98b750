package org.portkit.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One run's scratch space, {@code <cache>/work/NAME…}, held by a lock on a file inside it for as long
 * as the run lives. What the run stages outside it (a repository beside {@code --out}) is noted in
 * it first. A run killed without cleaning up leaves an unlocked area behind: the next run on that
 * cache removes it and what it noted, and never touches an area whose run is still alive.
 *
 * <p>A killed run may also have left half-done files in the cache itself. Which ones cannot be told
 * from a live run's files being written at the same moment, so they are cleaned only by a run that
 * opens while no other is alive (see {@link #afterKilledRun}); until one does, a mark in the work
 * directory remembers that a killed run was found.
 */
public final class WorkArea implements AutoCloseable {
    private static final String LIVE = ".live";
    private static final String STAGED = ".staged";
    /** In the work directory: a killed run was found and what it left in the cache is not cleaned yet. */
    private static final String KILLED = ".killed";
    /** An area without its lock file is a run's first milliseconds, or one from before areas were locked. */
    private static final Duration UNLOCKED_GRACE = Duration.ofMinutes(10);

    private final Path dir;
    private final FileChannel channel;
    private final FileLock lock;
    private final Optional<Instant> afterKilledRun;

    private WorkArea(Path dir, FileChannel channel, FileLock lock, Optional<Instant> afterKilledRun) {
        this.dir = dir;
        this.channel = channel;
        this.lock = lock;
        this.afterKilledRun = afterKilledRun;
    }

    /** Removes what dead runs left under {@code root} (a cache's work/), then opens a new area named {@code prefix…}. */
    public static WorkArea open(Path root, String prefix) throws IOException {
        Files.createDirectories(root);
        Instant opened = Instant.now();
        Sweep swept = sweep(root);
        Path killed = root.resolve(KILLED);
        if (swept.killed()) {
            Files.writeString(killed, "");
        }
        Optional<Instant> clean = !swept.othersAlive() && Files.exists(killed) ? Optional.of(opened) : Optional.empty();
        Path dir = Files.createTempDirectory(root, prefix);
        FileChannel channel = FileChannel.open(dir.resolve(LIVE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            return new WorkArea(dir, channel, channel.lock(), clean);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    public Path dir() {
        return dir;
    }

    /**
     * When a killed run may have left half-done files in the cache (this run or an earlier one found
     * its area) and no other run was alive as this one opened: the moment it opened. Every file the
     * cache held before it is then a finished or a dead run's; a file written since is a run's that
     * started later. Empty otherwise: nothing to clean, or a live run may be writing the cache (a
     * later run cleans). Call {@link #cleaned} once the cache is cleaned.
     */
    public Optional<Instant> afterKilledRun() {
        return afterKilledRun;
    }

    /** The cache no longer holds what killed runs left. */
    public void cleaned() throws IOException {
        Files.deleteIfExists(dir.getParent().resolve(KILLED));
    }

    /**
     * A new hidden directory beside {@code target} ({@code .NAME.RANDOM}), for a tree that is renamed
     * into place once complete; noted first, so that it does not outlive a killed run.
     */
    public Path stageBeside(Path target) throws IOException {
        Path parent = Files.createDirectories(target.toAbsolutePath().getParent());
        String name = "." + target.getFileName() + ".";
        Path staged = Files.createTempDirectory(parent, name);
        Files.writeString(dir.resolve(STAGED), staged + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        return staged;
    }

    /** Deletes the area and whatever it staged that was not moved into place. */
    @Override
    public void close() {
        try {
            remove(dir);
        } catch (IOException ignored) {
            // a leftover area is removed by the next run, once this one has released it
        } finally {
            try {
                lock.release();
                channel.close();
            } catch (IOException ignored) {
                // closing the channel releases the lock in any case
            }
        }
    }

    /** What the areas under the work directory said: whether a killed run's was among them, and a live run's. */
    private record Sweep(boolean killed, boolean othersAlive) {}

    private enum State { DEAD, ALIVE, GONE }

    /** Removes the areas of dead runs. */
    private static Sweep sweep(Path root) throws IOException {
        List<Path> areas;
        try (Stream<Path> list = Files.list(root)) {
            areas = list.filter(Files::isDirectory).toList();
        }
        boolean killed = false;
        boolean alive = false;
        for (Path area : areas) {
            switch (state(area)) {
                case DEAD -> {
                    killed = true;
                    try {
                        remove(area);
                    } catch (IOException ignored) {
                        // another run is sweeping it at the same moment
                    }
                }
                case ALIVE -> alive = true;
                case GONE -> { }
            }
        }
        return new Sweep(killed, alive);
    }

    private static State state(Path area) throws IOException {
        Path live = area.resolve(LIVE);
        if (!Files.exists(live)) {
            FileTime modified;
            try {
                modified = Files.getLastModifiedTime(area);
            } catch (NoSuchFileException e) {
                return State.GONE;
            }
            if (!modified.toInstant().isBefore(Instant.now().minus(UNLOCKED_GRACE))) {
                return State.ALIVE;
            }
            return area.getFileName().toString().startsWith("run") ? State.DEAD : State.GONE;
        }
        try (FileChannel channel = FileChannel.open(live, StandardOpenOption.WRITE)) {
            FileLock probe = channel.tryLock();
            if (probe == null) {
                return State.ALIVE;
            }
            probe.release();
            return State.DEAD;
        } catch (OverlappingFileLockException e) {
            return State.ALIVE; // held by a run in this very JVM
        } catch (NoSuchFileException e) {
            return State.GONE; // its run just finished
        }
    }

    /** Deletes what {@code area} noted as staged (only hidden directories of the name it gave them), then the area. */
    private static void remove(Path area) throws IOException {
        Path staged = area.resolve(STAGED);
        if (Files.exists(staged)) {
            for (String line : Files.readAllLines(staged, StandardCharsets.UTF_8)) {
                Path p = Path.of(line);
                if (!line.isEmpty() && p.getFileName().toString().startsWith(".") && Files.isDirectory(p)) {
                    AtomicFiles.deleteTree(p);
                }
            }
        }
        AtomicFiles.deleteTree(area);
    }
}
