package org.portkit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.portkit.failure.Failure;
import org.portkit.failure.PortkitException;
import org.portkit.lock.Lock;
import org.portkit.lock.LockFile;
import org.portkit.lock.SourceDistfile;
import org.portkit.port.MetaSpec;
import org.portkit.port.PortSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "lock", mixinStandardHelpOptions = true,
        description = {"Locks each spec and regenerates its port: downloads the source archive the spec names into",
                "<cache>/distfiles and pins its checksum, computes the closure of the offline build with the spec's",
                "Maven arguments, proves it by building offline, then writes SPEC-DIR/portkit.lock and ports/.",
                "A spec with a deps-archive block also gets the closure as one archive in <cache>/distfiles, pinned.",
                "On a machine that reaches every repository this is the one command that completes a partial port."})
final class LockCommand implements Callable<Integer> {
    @Mixin
    PortsOptions ports;

    @Mixin
    ResolveOptions options;

    @Option(names = "--source-tree", paramLabel = "PATH",
            description = {"resolve from this copy of the source (a checkout or a locally made archive) instead of",
                    "downloading the distfile; the source distfile then stays unverified. One spec only."})
    Path sourceTree;

    @Option(names = "--check", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "build offline with only the closure before writing anything (default: on; never with --partial)")
    boolean check = true;

    @Override
    public Integer call() throws Exception {
        List<Path> dirs = ports.ports().specDirs(ports.specs);
        if (sourceTree != null && dirs.size() != 1) {
            throw new PortkitException(Failure.USAGE, "--source-tree is the source of one spec: name exactly one SPEC-DIR");
        }
        for (Path dir : dirs) {
            lock(dir);
        }
        return 0;
    }

    private void lock(Path dir) throws Exception {
        String text = PortSpec.text(dir);
        if (MetaSpec.isMeta(dir, text)) {
            lockMeta(MetaSpec.parse(dir, text));
            return;
        }
        PortSpec spec = PortSpec.parse(dir, text);
        Path lockFile = dir.resolve(PortSpec.LOCK);
        SpecLocker locker = new SpecLocker(options, check && !options.partial);
        Path source = sourceTree != null ? sourceTree : locker.distfiles().resolve(spec.sourceDistfile());
        SourceDistfile pinned = sourceTree == null ? locker.fetchSource(spec, SpecLocker.previous(lockFile), source) : null;
        LockFile.write(locker.resolve(spec, source, pinned, lockFile), lockFile);
        SpecLocker.writePort(ports.ports().load(dir));
    }

    /** A meta port's lock pins its archives, and nothing else: they are installed as they are. */
    private void lockMeta(MetaSpec spec) throws Exception {
        Path dir = spec.dir();
        Path lockFile = dir.resolve(PortSpec.LOCK);
        SpecLocker locker = new SpecLocker(options, false);
        Lock previous = SpecLocker.previous(lockFile);
        List<SourceDistfile> pinned = new ArrayList<>();
        for (MetaSpec.Distfile d : spec.distfiles()) {
            try {
                pinned.add(locker.fetch(dir, d.url(), d.name(), previous, locker.distfiles().resolve(d.name())));
            } catch (PortkitException e) {
                // Only an unreachable site may leave a distfile unverified; an answer (404) means a wrong name.
                if (!options.partial || e.kind() != Failure.UNOBTAINABLE || e.getCause() == null) {
                    throw e;
                }
                System.out.println("unverified: " + d.name() + " (" + e.getMessage() + ")");
            }
        }
        LockFile.write(Lock.ofDistfiles(pinned), lockFile);
        SpecLocker.writePort(ports.ports().load(dir));
    }
}
