package org.portkit.closure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.portkit.failure.PortkitException;
import org.portkit.io.AtomicFiles;
import org.portkit.lock.Lock;
import org.portkit.lock.LockEntry;
import org.portkit.lock.LockFile;

/**
 * The lock a recorded run made, with what a later run needs besides to stage and check it: the
 * target's {@code -P} options for the offline check and where each locked file lies in the cache.
 * It is kept under a digest of the run's inputs (source tree, arguments, Maven and JDK versions,
 * settings, target), which decide the model, the static closure and the recording alike, so a
 * run with the same digest needs none of them: it copies the locked files, each hashed as it is
 * copied against the lock's SHA-256 (a file changed in the cache since is refused, exit 5).
 *
 * <p>Text, one fact a line: {@code option OPTION}, {@code cached REPOSITORY PATH FILE} (FILE
 * relative to the cache), then a line {@code lock} and the lock as {@link LockFile} writes it.
 *
 * @param files where each locked file is, by {@code "REPOSITORY PATH"}
 */
record KeptLock(Lock lock, List<String> targetOptions, Map<String, Path> files) {
    private static final String LOCK = "lock";

    KeptLock {
        targetOptions = List.copyOf(targetOptions);
        files = Map.copyOf(files);
    }

    /** What was kept in {@code file}; empty when there is none, or a locked file is gone from the cache. */
    static Optional<KeptLock> read(Path file, Path cache) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> options = new ArrayList<>();
        Map<String, Path> files = new LinkedHashMap<>();
        int at = 0;
        for (; at < lines.size() && !lines.get(at).equals(LOCK); at++) {
            String[] w = lines.get(at).split(" ", 4);
            if (w[0].equals("option") && w.length == 2) {
                options.add(lines.get(at).substring("option ".length()));
            } else if (w[0].equals("cached") && w.length == 4) {
                files.put(w[1] + ' ' + w[2], cache.resolve(w[3]));
            } else {
                return Optional.empty(); // not written by this version: the run computes it afresh
            }
        }
        if (at == lines.size()) {
            return Optional.empty();
        }
        Lock lock;
        try {
            lock = LockFile.parse(file.toString(), lines.subList(at + 1, lines.size()));
        } catch (PortkitException e) {
            return Optional.empty();
        }
        for (LockEntry e : lock.files()) {
            Path cached = files.get(e.repository() + ' ' + e.path());
            if (cached == null || !Files.isRegularFile(cached)) {
                return Optional.empty();
            }
        }
        return Optional.of(new KeptLock(lock, options, files));
    }

    /** Keeps this in {@code file} (written whole or not at all); FILE paths are made relative to {@code cache}. */
    void keep(Path file, Path cache) {
        StringBuilder text = new StringBuilder();
        targetOptions.forEach(o -> text.append("option ").append(o).append('\n'));
        for (LockEntry e : lock.files()) {
            String key = e.repository() + ' ' + e.path();
            text.append("cached ").append(key).append(' ').append(cache.relativize(files.get(key))).append('\n');
        }
        text.append(LOCK).append('\n').append(LockFile.render(lock));
        AtomicFiles.writeString(file, text.toString());
    }
}
