package org.portkit.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.portkit.fixture.IsolatedGit;
import org.portkit.fixture.PortkitRun;

class SpecLocksTest {
    @TempDir
    Path tmp;

    @RegisterExtension
    final IsolatedGit git = new IsolatedGit();

    static final String SMALL = """
            maven 3.9.16
            arg package
            repository central https://repo.maven.apache.org/maven2/
            file central org/apache/apache/35/apache-35.pom %s 10
            """.formatted("a".repeat(64));

    static Path lock(Path tree, String port, String text) throws IOException {
        Path dir = Files.createDirectories(tree.resolve("specs").resolve(port));
        return Files.writeString(dir.resolve("portkit.lock"), text);
    }

    @Test
    void comparesEverySpecLockAtARevisionWithTheWorkingTree() throws IOException, GitAPIException {
        Path repo = tmp.resolve("git");
        Path tree = repo.resolve("portkit"); // the portkit tree need not be the repository's top
        lock(tree, "net/bar", LockDiffTest.OLD);
        lock(tree, "net/foo", LockDiffTest.OLD);
        Path gone = lock(tree, "net/gone", SMALL);
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern("portkit").call();
            PersonIdent who = new PersonIdent("Port Maintainer", "maintainer@example.org");
            git.commit().setMessage("locks").setAuthor(who).setCommitter(who).setSign(false).call();
        }
        lock(tree, "net/foo", LockDiffTest.NEW);
        Files.delete(gone);
        lock(tree, "net/fresh", SMALL);

        PortkitRun run = PortkitRun.of("diff", "--rev", "HEAD", "--root", tree.toString());
        assertEquals(0, run.status(), run.err());
        assertEquals("net/bar: no changes (8 files, 2.2 MB (2179244 bytes))\n"
                + "\n"
                + LockDiffTest.TEXT.replace("net/jicofo", "net/foo")
                + "\n"
                + """
                net/fresh (new lock)
                  Download: 0 files, 0.0 MB (0 bytes) -> 1 file, 0.0 MB (10 bytes)
                  Maven: (none) -> 3.9.16
                  Arguments: (none) -> package
                  Added (1):
                    org.apache:apache 35 (pom)
                  Repositories added (1):
                    central https://repo.maven.apache.org/maven2/

                net/gone (lock removed)
                  Download: 1 file, 0.0 MB (10 bytes) -> 0 files, 0.0 MB (0 bytes)
                  Maven: 3.9.16 -> (none)
                  Arguments: package -> (none)
                  Removed (1):
                    org.apache:apache 35 (pom)
                  Repositories dropped (1):
                    central https://repo.maven.apache.org/maven2/
                """, run.out());
    }

    @Test
    void anUnknownRevisionOrNoRepositoryIsBadInput() throws IOException, GitAPIException {
        Path tree = tmp.resolve("tree");
        lock(tree, "net/foo", SMALL);
        PortkitRun outside = PortkitRun.of("diff", "--rev", "HEAD", "--root", tree.toString());
        assertEquals(3, outside.status());
        assertTrue(outside.err().contains("not in a git repository"), outside.err());
        Git.init().setDirectory(tree.toFile()).call().close();
        PortkitRun unborn = PortkitRun.of("diff", "--rev", "no-such-branch", "--root", tree.toString());
        assertEquals(3, unborn.status());
        assertTrue(unborn.err().contains("'no-such-branch' is not a revision"), unborn.err());
    }
}
