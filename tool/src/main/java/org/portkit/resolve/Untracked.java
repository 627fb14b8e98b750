package org.portkit.resolve;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Files a killed run left in the cache that the resolver never recorded as downloaded. The resolver
 * moves a verified download into place and only then notes its repository in the directory's
 * {@code _remote.repositories}; a file present but noted nowhere it takes for one the user
 * installed, and delivers from the local repository instead of the remote one. portkit would then
 * neither pin it nor serve it to the recording build (measured: a run after one killed mid-download
 * had its recording build fail, every jar of a module "not found"). Nothing but the resolver's
 * downloads writes the cache, so such a file is half of an interrupted download: it goes, with its
 * checksum files, and is downloaded again. Only files written before a given moment go: a run that
 * started after it may be between the two steps of its own download.
 */
public final class Untracked {
    private static final String TRACKING = "_remote.repositories";
    private static final List<String> CHECKSUMS = List.of(".sha1", ".md5", ".sha256", ".sha512");

    private Untracked() {}

    /** Deletes the untracked files under {@code cache} (the resolver's cache) written before {@code before}; returns how many. */
    public static int forget(Path cache, Instant before) throws IOException {
        if (!Files.isDirectory(cache)) {
            return 0;
        }
        List<Path> dirs;
        try (Stream<Path> walk = Files.walk(cache)) {
            dirs = walk.filter(Files::isDirectory).toList();
        }
        int deleted = 0;
        for (Path dir : dirs) {
            List<Path> files;
            try (Stream<Path> list = Files.list(dir)) {
                files = list.filter(Files::isRegularFile).filter(f -> isArtifact(f.getFileName().toString())).toList();
            }
            if (files.isEmpty()) {
                continue;
            }
            Set<String> tracked = tracked(dir.resolve(TRACKING));
            for (Path f : files) {
                if (!tracked.contains(f.getFileName().toString()) && writtenBefore(f, before)) {
                    Files.deleteIfExists(f);
                    for (String suffix : CHECKSUMS) {
                        Files.deleteIfExists(f.resolveSibling(f.getFileName() + suffix));
                    }
                    deleted++;
                }
            }
        }
        return deleted;
    }

    private static boolean writtenBefore(Path f, Instant before) throws IOException {
        try {
            return Files.getLastModifiedTime(f).toInstant().isBefore(before);
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /** Not the resolver's bookkeeping (tracking, metadata, "not found" markers) nor a checksum file. */
    private static boolean isArtifact(String name) {
        return !name.equals(TRACKING) && !name.startsWith("maven-metadata") && !name.endsWith(".lastUpdated")
                && !name.equals("resolver-status.properties") && CHECKSUMS.stream().noneMatch(name::endsWith);
    }

    private static Set<String> tracked(Path tracking) throws IOException {
        Set<String> names = new HashSet<>();
        if (Files.isRegularFile(tracking)) {
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(tracking)) {
                p.load(in);
            }
            p.stringPropertyNames().forEach(k -> names.add(k.substring(0, Math.max(k.indexOf('>'), 0))));
        }
        return names;
    }
}
