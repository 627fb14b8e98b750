package org.portkit.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.portkit.closure.ClosureEngine;
import org.portkit.diff.Changelog;
import org.portkit.diff.LockDiff;
import org.portkit.io.AtomicFiles;
import org.portkit.io.WorkArea;
import org.portkit.lock.Lock;
import org.portkit.lock.LockFile;
import org.portkit.port.PortTree;
import org.portkit.port.SpecPaths;
import org.portkit.port.kind.Locking;
import org.portkit.port.kind.MavenPort;
import org.portkit.port.kind.PortSpec;
import org.portkit.update.Release;
import org.portkit.update.SpecEdit;
import org.portkit.update.UpdateBranch;

/**
 * Locking a spec ('portkit lock') and moving it to a new release ('portkit update'), one workflow:
 * the spec's kind pins its distfiles (and resolves and proves a closure, where it has one), then
 * the lock and the port are written. Each step writes only where it is told, or into the cache's
 * distfiles.
 */
public final class LockWorkflow {
    /**
     * How specs are locked.
     *
     * @param options how closures are computed; {@link ClosureEngine.Option#CHECK} proves each offline
     *     before its lock is written
     * @param sourceTree a local copy of the source to resolve from instead of the source distfile
     *     (which then stays unverified)
     */
    public record Request(ClosureEngine.Environment environment, Set<ClosureEngine.Option> options,
            Optional<Path> sourceTree) {}

    /** Where the workflow says what it does, a line at a time. */
    public interface Listener extends Locking.Listener {}

    /**
     * What an update did.
     *
     * @param changelog the old lock against the new, as 'portkit diff' prints it
     * @param commit the commit of spec and port, where one was asked for
     */
    public record Updated(String changelog, Optional<Commit> commit) {}

    /** A commit {@code id} on the new {@code branch}. */
    public record Commit(String id, String branch) {}

    private final Tree tree;
    private final Request request;
    private final Listener listener;

    public LockWorkflow(Tree tree, Request request, Listener listener) {
        this.tree = tree;
        this.request = request;
        this.listener = listener;
    }

    /** Locks the spec in {@code dir} as its kind does, and regenerates its port. */
    public void lock(Path dir) throws IOException {
        PortSpec spec = Tree.spec(dir);
        SpecPaths paths = spec.header().paths();
        LockFile.write(spec.lock(locking(paths).fromSourceTree(request.sourceTree())), paths.lock());
        writePort(tree.load(dir));
    }

    /**
     * Moves the port named {@code port} (a spec directory or CATEGORY/NAME) to {@code release} through
     * its spec's update block, locks it as {@link #lock} does, and, when {@code commit}, commits spec and
     * port on a new branch. The new distfiles are downloaded into a work directory: spec, lock, port and
     * the cache's distfiles change only once every step succeeded.
     *
     * @param version the new version where the release does not say it, or null
     */
    public Updated update(String port, String release, String version, boolean commit) throws IOException {
        Path dir = tree.specDir(port);
        SpecPaths paths = Tree.paths(dir);
        String text = Files.readString(paths.file());
        PortSpec spec = Tree.spec(dir, text);
        Release next = Release.of(spec, release, version);
        String edited = SpecEdit.apply(text, paths.file().toString(), next.values());
        // Release.of takes only a spec with an update block, a Maven-built port's.
        PortSpec updated = Tree.spec(dir, edited);
        String name = spec.header().path();
        UpdateBranch branch = commit ? UpdateBranch.prepare(tree.root(), "update/" + spec.header().category() + "-"
                + spec.header().name() + "-" + next.version(), List.of(dir, tree.portDir(name))) : null;

        listener.say("===> " + name + ": " + spec.header().version() + " -> " + next.version() + " (" + ((MavenPort) updated).build().sourceDistfile() + ")");
        Lock before = previous(paths.lock());
        Lock after;
        try (WorkArea work = request.environment().cache().newWork("update")) {
            Locking locking = locking(paths).stagedIn(work.dir());
            after = updated.lock(locking);
            Tree.Port generated = tree.port(updated, after);
            locking.keepStaged();
            AtomicFiles.writeString(paths.file(), edited);
            LockFile.write(after, paths.lock());
            writePort(generated);
        }
        String changelog = Changelog.render(List.of(new Changelog.Port(name, LockDiff.between(before, after))), false);
        if (branch == null) {
            return new Updated(changelog, Optional.empty());
        }
        String id = branch.commit(name + ": update to " + next.version() + "\n\n" + changelog);
        return new Updated(changelog, Optional.of(new Commit(id, branch.branch())));
    }

    private Locking locking(SpecPaths paths) {
        return new Locking(paths, previous(paths.lock()), request.environment(), request.options(), listener::say);
    }

    /** The lock in {@code lockFile}, or {@link LockDiff#NONE} where there is none yet. */
    private static Lock previous(Path lockFile) {
        return Files.isRegularFile(lockFile) ? LockFile.read(lockFile) : LockDiff.NONE;
    }

    /** Replaces the port's directory by what it generates, and says what is still unverified. */
    private void writePort(Tree.Port port) throws IOException {
        PortTree.write(port.files(), port.dir());
        List<String> unverified = port.generated().unverified();
        listener.say("wrote ports/" + port.path() + (unverified.isEmpty() ? ": every distfile verified"
                : ": " + unverified.size() + " distfiles still unverified ('portkit check' names them)"));
    }
}
