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
import java.util.stream.Stream;

/**
 * One run's scratch space, {@code <cache>/work/NAME…}, held by a lock on a file inside it for as long
 * as the run lives. What the run stages outside it (a repository beside {@code --out}) is noted in
 * it first. A run killed without cleaning up leaves an unlocked area behind: the next run on that
 * cache removes it and what it noted, and never touches an area whose run is still alive.
 */
public final class WorkArea implements AutoCloseable {
    private static final String LIVE = ".live";
    private static final String STAGED = ".staged";
    /** An area without its lock file is a run's first milliseconds, or one from before areas were locked. */
    private static final Duration UNLOCKED_GRACE = Duration.ofMinutes(10);

    private final Path dir;
    private final FileChannel channel;
    private final FileLock lock;
    private final boolean afterKilledRun;

    private WorkArea(Path dir, FileChannel channel, FileLock lock, boolean afterKilledRun) {
        this.dir = dir;
        this.channel = channel;
        this.lock = lock;
        this.afterKilledRun = afterKilledRun;
    }

    /** Removes what dead runs left under {@code root} (a cache's work/), then opens a new area named {@code prefix…}. */
    public static WorkArea open(Path root, String prefix) throws IOException {
        Files.createDirectories(root);
        boolean swept = sweep(root);
        Path dir = Files.createTempDirectory(root, prefix);
        FileChannel channel = FileChannel.open(dir.resolve(LIVE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            return new WorkArea(dir, channel, channel.lock(), swept);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    public Path dir() {
        return dir;
    }

    /** Whether opening this area removed one a killed run left: that run may have left more in the cache. */
    public boolean afterKilledRun() {
        return afterKilledRun;
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

    /** Removes the areas of dead runs; true if there was one. */
    private static boolean sweep(Path root) throws IOException {
        List<Path> areas;
        try (Stream<Path> list = Files.list(root)) {
            areas = list.filter(Files::isDirectory).toList();
        }
        boolean any = false;
        for (Path area : areas) {
            if (isAbandoned(area)) {
                any = true;
                try {
                    remove(area);
                } catch (IOException ignored) {
                    // another run is sweeping it at the same moment
                }
            }
        }
        return any;
    }

    private static boolean isAbandoned(Path area) throws IOException {
        Path live = area.resolve(LIVE);
        if (!Files.exists(live)) {
            FileTime modified;
            try {
                modified = Files.getLastModifiedTime(area);
            } catch (NoSuchFileException e) {
                return false;
            }
            return area.getFileName().toString().startsWith("run")
                    && modified.toInstant().isBefore(Instant.now().minus(UNLOCKED_GRACE));
        }
        try (FileChannel channel = FileChannel.open(live, StandardOpenOption.WRITE)) {
            FileLock probe = channel.tryLock();
            if (probe == null) {
                return false;
            }
            probe.release();
            return true;
        } catch (OverlappingFileLockException e) {
            return false; // held by a run in this very JVM
        } catch (NoSuchFileException e) {
            return false; // its run just finished
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
