package org.portkit.closure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.portkit.maven.Target;
import org.portkit.resolve.Fetched;
import org.portkit.resolve.Repository;

/** A recorded build's lock is what it read, plus the target's platform classifiers; nothing else. */
class RecordedTest {
    private static final Repository CENTRAL = new Repository("central", "https://repo.example/");
    private static final Repository OTHER = new Repository("other", "https://other.example/");

    @Test
    void keepsWhatTheBuildReadFromTheRepositoryThatServedIt() {
        Recorded recorded = new Recorded(true, new TreeSet<>(Set.of(
                "artifact central org/a/a/1/a-1.jar",
                "artifact central org/a/a/1/a-1.pom",
                "metadata central org/b/b",
                "metadata other org/apache/maven/plugins")), Path.of("x.txt"));
        List<Fetched> fetched = List.of(
                fetched(CENTRAL, "org/a/a/1/a-1.jar"),
                fetched(CENTRAL, "org/a/a/1/a-1.pom"),
                fetched(OTHER, "org/a/a/1/a-1.jar"), // the same path, but not where the build got it
                fetched(CENTRAL, "org/doubt/tree/1/tree-1.jar"), // static resolution only
                fetched(CENTRAL, "org/n/native/1/native-1-openbsd-x86_64.jar"),
                fetched(CENTRAL, "org/n/native/1/native-1-linux-x86_64.jar"));
        assertEquals(List.of(fetched.get(0), fetched.get(1)), recorded.filter(fetched));
        Recorded kept = recorded.withPicked(fetched, Target.OPENBSD_AMD64);
        assertEquals(List.of(fetched.get(0), fetched.get(1), fetched.get(4)), kept.filter(fetched));
        assertTrue(kept.lines().contains("artifact central org/n/native/1/native-1-openbsd-x86_64.jar"),
                "kept with the recording, so that a replay has it too");
        assertEquals(Set.of("org/b/b", "org/apache/maven/plugins"), recorded.metadata());
    }

    private static Fetched fetched(Repository r, String path) {
        return new Fetched(r, path, Path.of("/cache").resolve(path), "0".repeat(64), 0);
    }
}
