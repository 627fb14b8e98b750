package org.portkit.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.portkit.diff.Changelog;
import org.portkit.diff.LockDiff;
import org.portkit.io.AtomicFiles;
import org.portkit.lock.Lock;
import org.portkit.lock.LockFile;
import org.portkit.lock.SourceDistfile;
import org.portkit.port.PortSpec;
import org.portkit.update.Release;
import org.portkit.update.SpecEdit;
import org.portkit.update.UpdateBranch;
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
        Ports ports = new Ports(root);
        Path dir = ports.specDir(port);
        Path specFile = dir.resolve(PortSpec.FILE);
        Path lockFile = dir.resolve(PortSpec.LOCK);
        String text = Files.readString(specFile);
        PortSpec spec = PortSpec.parse(dir, text);
        Release next = Release.of(spec, release, version);
        String edited = SpecEdit.apply(text, specFile.toString(), next.values());
        PortSpec updated = PortSpec.parse(dir, edited);
        String name = spec.category() + "/" + spec.name();
        UpdateBranch branch = commit ? UpdateBranch.prepare(root, "update/" + spec.category() + "-" + spec.name() + "-"
                + next.version(), List.of(dir, ports.portDir(spec.category() + "/" + spec.name()))) : null;

        System.out.println("===> " + name + ": " + spec.version() + " -> " + next.version() + " (" + updated.sourceDistfile() + ")");
        Lock before = SpecLocker.previous(lockFile);
        Lock after = lock(ports, updated, before, edited);
        String changelog = Changelog.render(List.of(new Changelog.Port(name, LockDiff.between(before, after))), false);
        System.out.print(changelog);
        if (branch != null) {
            String id = branch.commit(name + ": update to " + next.version() + "\n\n" + changelog);
            System.out.println("committed " + id + " on branch " + branch.branch());
        }
        return 0;
    }

    /**
     * Locks the updated spec as 'portkit lock' does, but with the new source downloaded into a work
     * directory: the cache's distfiles, spec, lock and port change only once everything succeeded.
     */
    private Lock lock(Ports ports, PortSpec updated, Lock before, String edited) throws IOException {
        SpecLocker locker = new SpecLocker(options, !options.partial);
        Path cached = locker.distfiles().resolve(updated.sourceDistfile());
        Path work = Files.createTempDirectory(Files.createDirectories(Defaults.cache(options.cache).resolve("work")), "update");
        try {
            Path source = Files.isRegularFile(cached) ? cached : work.resolve(updated.sourceDistfile());
            SourceDistfile pinned = locker.fetchSource(updated, before, source);
            Path lockFile = updated.dir().resolve(PortSpec.LOCK);
            Lock lock = locker.resolve(updated, source, pinned, lockFile);
            Ports.Port port = ports.port(updated.dir(), edited, lock);

            if (!source.equals(cached)) {
                Files.createDirectories(cached.getParent());
                AtomicFiles.move(source, cached);
            }
            AtomicFiles.writeString(updated.dir().resolve(PortSpec.FILE), edited);
            LockFile.write(lock, lockFile);
            SpecLocker.writePort(port);
            return lock;
        } finally {
            AtomicFiles.deleteTree(work);
        }
    }
}
