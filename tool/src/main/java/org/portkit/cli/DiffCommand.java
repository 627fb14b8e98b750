package org.portkit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.portkit.diff.Changelog;
import org.portkit.diff.LockDiff;
import org.portkit.lock.LockFile;
import org.portkit.workspace.SpecLocks;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Prints how locks differ, as a changelog for review: per port, artifacts",
                "added, removed, in other versions or changed in place, licenses that changed,",
                "repositories added or dropped, unverified files and download size before and",
                "after. Either two lock files, or with --rev every specs/**/portkit.lock at a",
                "git revision against the working tree's. Exits 0 whether or not they differ."})
final class DiffCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "LOCK", arity = "0..2", description = "OLD.lock NEW.lock (without --rev)")
    List<Path> locks = new ArrayList<>();

    @Option(names = "--rev", paramLabel = "REV", description = "git revision whose spec locks are the old side (e.g. HEAD, origin/main)")
    String rev;

    @Option(names = "--root", paramLabel = "DIR", description = "the portkit tree, inside a git repository (default: .)")
    Path root = Path.of(".");

    @Option(names = "--markdown", description = "Markdown instead of plain text")
    boolean markdown;

    @Override
    public Integer call() {
        List<Changelog.Port> ports;
        if (rev != null) {
            if (!locks.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "give either --rev or two lock files, not both");
            }
            ports = SpecLocks.compare(root, rev);
            if (ports.isEmpty()) {
                System.out.println("no specs/**/portkit.lock at " + rev + " or in " + root);
                return 0;
            }
        } else if (locks.size() == 2) {
            ports = List.of(new Changelog.Port(locks.get(1).toString(),
                    LockDiff.between(LockFile.read(locks.get(0)), LockFile.read(locks.get(1)))));
        } else {
            throw new CommandLine.ParameterException(spec.commandLine(), "give two lock files (OLD NEW), or --rev REV");
        }
        System.out.print(Changelog.render(ports, markdown));
        return 0;
    }
}
