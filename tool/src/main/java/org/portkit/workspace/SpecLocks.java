package org.portkit.workspace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.portkit.diff.Changelog.Port;
import org.portkit.diff.LockDiff;
import org.portkit.failure.Failure;
import org.portkit.failure.PortkitException;
import org.portkit.lock.Lock;
import org.portkit.lock.LockFile;

/**
 * The locks of a portkit tree, {@code specs/CATEGORY/NAME/portkit.lock}, keyed by
 * {@code CATEGORY/NAME}: in the working tree, or at a git revision (read with JGit, no git binary).
 */
public final class SpecLocks {
    private SpecLocks() {}

    /** Every spec's lock at {@code rev} compared with the working tree's, ports in name order. */
    public static List<Port> compare(Path root, String rev) {
        SortedMap<String, Lock> old = atRevision(root, rev);
        SortedMap<String, Lock> now = workingTree(root);
        TreeSet<String> names = new TreeSet<>(old.keySet());
        names.addAll(now.keySet());
        return names.stream().map(n -> new Port(n, LockDiff.between(old.getOrDefault(n, LockDiff.NONE),
                now.getOrDefault(n, LockDiff.NONE)))).toList();
    }

    static SortedMap<String, Lock> workingTree(Path root) {
        SortedMap<String, Lock> out = new TreeMap<>();
        Path specs = root.resolve(Tree.SPECS);
        if (!Files.isDirectory(specs)) {
            return out;
        }
        try (Stream<Path> walk = Files.walk(specs)) {
            walk.filter(p -> p.getFileName().toString().equals(Tree.LOCK) && Files.isRegularFile(p)).forEach(p ->
                    out.put(port(slashes(specs.relativize(p))), LockFile.read(p)));
        } catch (IOException e) {
            throw new PortkitException(Failure.BAD_INPUT, "cannot read " + specs + ": " + e.getMessage(), e);
        }
        return out;
    }

    static SortedMap<String, Lock> atRevision(Path root, String rev) {
        Path absolute = root.toAbsolutePath().normalize();
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(absolute.toFile());
        if (builder.getGitDir() == null) {
            throw new PortkitException(Failure.BAD_INPUT, absolute + " is not in a git repository");
        }
        try (Repository repo = builder.build(); RevWalk walk = new RevWalk(repo)) {
            ObjectId id = repo.resolve(rev + "^{commit}");
            if (id == null) {
                throw new PortkitException(Failure.BAD_INPUT, "'" + rev + "' is not a revision of " + repo.getDirectory());
            }
            RevCommit commit = walk.parseCommit(id);
            // specs/ relative to the repository's top, where the root is inside its work tree.
            String prefix = slashes(repo.getWorkTree().toPath().toRealPath().relativize(absolute.toRealPath()).resolve(Tree.SPECS));
            SortedMap<String, Lock> out = new TreeMap<>();
            try (TreeWalk tree = new TreeWalk(repo)) {
                tree.addTree(commit.getTree());
                tree.setRecursive(true);
                tree.setFilter(PathFilter.create(prefix));
                while (tree.next()) {
                    String path = tree.getPathString();
                    if (path.endsWith("/" + Tree.LOCK)) {
                        List<String> lines = new String(repo.open(tree.getObjectId(0)).getBytes(), StandardCharsets.UTF_8).lines().toList();
                        out.put(port(path.substring(prefix.length() + 1)), LockFile.parse(rev + ":" + path, lines));
                    }
                }
            }
            return out;
        } catch (IOException e) {
            throw new PortkitException(Failure.BAD_INPUT, "cannot read git repository at " + absolute + ": " + e.getMessage(), e);
        }
    }

    /** {@code net/jicofo/portkit.lock} (relative to specs/) names port {@code net/jicofo}. */
    private static String port(String lockPath) {
        return lockPath.substring(0, Math.max(0, lockPath.length() - Tree.LOCK.length() - 1));
    }

    private static String slashes(Path relative) {
        return relative.toString().replace('\\', '/');
    }
}
