package org.portkit.source;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.stream.Stream;
import org.portkit.failure.Failure;
import org.portkit.failure.PortkitException;
import org.portkit.io.Archives;
import org.portkit.io.Destination;

/**
 * The project's source, as a directory portkit may build in: a copy of a source directory, or the
 * contents of a source archive read with Commons Compress. An archive whose entries all sit under
 * one top directory (as release archives do) is unwrapped.
 */
public final class SourceTree {
    private SourceTree() {}

    /**
     * Lays out {@code source} under the empty directory {@code into} and returns the project root.
     * A source directory is copied without its build output, VCS data, offline repositories portkit
     * wrote into it, and whatever directory holds {@code into} itself (a cache inside the project):
     * a copy never contains itself.
     */
    public static Path materialize(Path source, Path into) {
        try {
            Files.createDirectories(into);
            if (Files.isDirectory(source)) {
                copyTree(source.toAbsolutePath().normalize(), into.toAbsolutePath().normalize());
            } else if (Archives.isArchive(source)) {
                Archives.extract(source, into);
            } else if (Files.isRegularFile(source)) {
                throw new PortkitException(Failure.BAD_INPUT, "source " + source
                        + " is neither a directory nor an archive portkit reads (" + Archives.KINDS + ")");
            } else {
                throw new PortkitException(Failure.BAD_INPUT, "source " + source + " does not exist");
            }
            Path root = unwrap(into);
            if (!Files.isRegularFile(root.resolve("pom.xml"))) {
                throw new PortkitException(Failure.BAD_INPUT,
                        "source " + source + " has no pom.xml at its top: give the directory (or archive) of a Maven project");
            }
            return root;
        } catch (IOException e) {
            throw new PortkitException(Failure.BAD_INPUT, "cannot read source " + source + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@code text} (a message, a log) with every path into the copy {@code copy} of {@code source}
     * turned into the user's own: the same file in the source directory, or the archive's entry.
     */
    public static String inUserTerms(String text, Path source, Path copy) {
        if (text == null) {
            return null;
        }
        String prefix = copy.toAbsolutePath().normalize() + "/";
        return text.replace(prefix, Files.isDirectory(source) ? source.toAbsolutePath().normalize() + "/" : source + "!/");
    }

    private static Path unwrap(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            List<Path> children = list.toList();
            if (children.size() == 1 && Files.isDirectory(children.get(0))
                    && !Files.exists(dir.resolve("pom.xml"))) {
                return children.get(0);
            }
        }
        return dir;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                // Build output and VCS data are not source: a stale target/ would let the check pass by accident.
                if (!dir.equals(from) && (name.equals("target") || name.equals(".git") || to.startsWith(dir.toAbsolutePath())
                        || Files.isRegularFile(dir.resolve(Destination.MARKER)))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile()) {
                    Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES,
                            LinkOption.NOFOLLOW_LINKS);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
