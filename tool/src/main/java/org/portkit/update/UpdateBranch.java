package org.portkit.update;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.eclipse.jgit.api.AddCommand;
import org.eclipse.jgit.api.CommitCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.StatusCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.portkit.failure.Failure;
import org.portkit.failure.PortkitException;

/**
 * A port update committed on a branch of its own, with JGit (no git binary). Whether it can be is
 * checked before the update does any work: a git work tree with a commit at HEAD, no branch of that
 * name, nothing uncommitted in the port's paths (their changes, and only theirs, go into the commit).
 *
 * @param gitDir the repository
 * @param branch the new branch, started at HEAD
 * @param paths the paths to commit, relative to the work tree
 */
public record UpdateBranch(Path gitDir, String branch, List<String> paths) {

    /** Checks that {@code paths} (existing or not) can be committed on a new {@code branch} from HEAD. */
    public static UpdateBranch prepare(Path root, String branch, List<Path> paths) {
        Path absolute = root.toAbsolutePath().normalize();
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(absolute.toFile());
        if (builder.getGitDir() == null) {
            throw new PortkitException(Failure.BAD_INPUT, "--commit: " + absolute + " is not in a git repository");
        }
        try (Repository repo = builder.build(); Git git = Git.wrap(repo)) {
            if (!Repository.isValidRefName(Constants.R_HEADS + branch)) {
                throw new PortkitException(Failure.USAGE, "--commit: '" + branch + "' is not a valid branch name");
            }
            if (repo.exactRef(Constants.R_HEADS + branch) != null) {
                throw new PortkitException(Failure.BAD_INPUT, "--commit: branch " + branch
                        + " exists already: delete it, or update without --commit");
            }
            if (repo.resolve(Constants.HEAD + "^{commit}") == null) {
                throw new PortkitException(Failure.BAD_INPUT, "--commit: " + repo.getDirectory() + " has no commit yet");
            }
            Path workTree = repo.getWorkTree().toPath().toRealPath();
            List<String> relative = new ArrayList<>();
            for (Path p : paths) {
                relative.add(inWorkTree(workTree, p));
            }
            StatusCommand status = git.status();
            relative.forEach(status::addPath);
            Status s = status.call();
            if (!s.isClean()) {
                TreeSet<String> dirty = new TreeSet<>(s.getUncommittedChanges());
                dirty.addAll(s.getUntracked());
                throw new PortkitException(Failure.BAD_INPUT, "--commit: uncommitted changes in " + String.join(", ", relative)
                        + " (" + String.join(", ", dirty) + "): commit or stash them first, so that the update's commit holds"
                        + " only the update");
            }
            return new UpdateBranch(repo.getDirectory().toPath(), branch, List.copyOf(relative));
        } catch (IOException | GitAPIException e) {
            throw new PortkitException(Failure.BAD_INPUT, "--commit: cannot read the git repository of " + absolute
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * Creates the branch at HEAD, switches to it (the update's changes stay in the work tree) and
     * commits exactly the paths with {@code message}; returns the commit's abbreviated id.
     */
    public String commit(String message) {
        try (Repository repo = new FileRepositoryBuilder().setGitDir(gitDir.toFile()).build(); Git git = Git.wrap(repo)) {
            git.checkout().setCreateBranch(true).setName(branch).call();
            // Once for new and changed files, once (update) for removed ones.
            for (boolean update : new boolean[] {false, true}) {
                AddCommand add = git.add().setUpdate(update);
                paths.forEach(add::addFilepattern);
                add.call();
            }
            CommitCommand commit = git.commit().setMessage(message);
            paths.forEach(commit::setOnly);
            RevCommit made = commit.call();
            return made.abbreviate(12).name();
        } catch (IOException | GitAPIException e) {
            throw new PortkitException(Failure.BAD_INPUT, "--commit: the update is in place, but committing it on "
                    + branch + " failed: " + e.getMessage(), e);
        }
    }

    /** {@code p} relative to the work tree; {@code p} need not exist (a port generated for the first time). */
    private static String inWorkTree(Path workTree, Path p) throws IOException {
        Path absolute = p.toAbsolutePath().normalize();
        Path existing = absolute;
        while (!Files.exists(existing)) {
            existing = existing.getParent();
        }
        Path real = existing.toRealPath().resolve(existing.relativize(absolute));
        if (!real.startsWith(workTree) || real.equals(workTree)) {
            throw new PortkitException(Failure.BAD_INPUT, "--commit: " + p + " is not inside the git work tree " + workTree);
        }
        return workTree.relativize(real).toString().replace('\\', '/');
    }
}
