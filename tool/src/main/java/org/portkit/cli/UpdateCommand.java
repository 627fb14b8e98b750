package org.portkit.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.portkit.workspace.LockWorkflow;
import org.portkit.workspace.Tree;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

// Without mixinStandardHelpOptions: --version is the port's new version here, not portkit's.
@Command(name = "update",
        description = {"Moves a port to a new upstream release. The spec's update { } block maps",
                "RELEASE to the new version and source; port.conf is edited in place (only",
                "those values change), then the port is locked as 'portkit lock' does it: the",
                "new source archive fetched and pinned, the closure resolved and proved",
                "offline, the lock written and the port regenerated. Prints the changelog.",
                "Nothing changes (spec, lock, ports/, the cache's distfiles) unless every step",
                "succeeded."})
final class UpdateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PORT", description = "a spec directory, or CATEGORY/NAME under specs/")
    String port;

    @Parameters(index = "1", paramLabel = "RELEASE",
            description = "{arg} of the spec's update templates: a tag's number, a version, a full commit id")
    String release;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--version", paramLabel = "VERSION",
            description = "the new version, where RELEASE does not say it (a spec without update.version)")
    String version;

    @Option(names = "--commit", description = "commit spec and port on a new branch update/CATEGORY-NAME-VERSION")
    boolean commit;

    @Option(names = "--root", paramLabel = "DIR", description = "the portkit tree (default: .)")
    Path root = Path.of(".");

    @Mixin
    ResolveOptions options;

    @Override
    public Integer call() throws IOException {
        LockWorkflow.Updated updated = new LockWorkflow(new Tree(root), options.lockRequest(!options.partial, Optional.empty()),
                System.out::println).update(port, release, version, commit);
        System.out.print(updated.changelog());
        updated.commit().ifPresent(c -> System.out.println("committed " + c.id() + " on branch " + c.branch()));
        return 0;
    }
}
