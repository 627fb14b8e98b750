package org.portkit.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.portkit.closure.ClosureEngine;
import org.portkit.io.Download;
import org.portkit.io.Hashing;
import org.portkit.lock.Lock;
import org.portkit.lock.LockFile;
import org.portkit.lock.SourceDistfile;
import org.portkit.port.PortSpec;
import org.portkit.port.PortTree;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "lock", mixinStandardHelpOptions = true,
        description = {"Locks each spec and regenerates its port: downloads the source archive the spec names into",
                "<cache>/distfiles and pins its checksum, computes the closure of the offline build with the spec's",
                "Maven arguments, proves it by building offline, then writes SPEC-DIR/portkit.lock and ports/.",
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
            throw new PortkitException(ExitStatus.USAGE, "--source-tree is the source of one spec: name exactly one SPEC-DIR");
        }
        for (Path dir : dirs) {
            lock(dir);
        }
        return 0;
    }

    private void lock(Path dir) throws Exception {
        PortSpec spec = PortSpec.read(dir);
        Path lockFile = dir.resolve(PortSpec.LOCK);
        SourceDistfile pinned = sourceTree == null ? fetchSource(spec, lockFile) : null;
        Path source = sourceTree != null ? sourceTree : Defaults.cache(options.cache).resolve("distfiles").resolve(spec.sourceDistfile());
        System.out.println("===> " + spec.category() + "/" + spec.name() + ": resolving " + source);
        boolean checked = check && !options.partial;
        ClosureEngine.Result result = ClosureEngine.resolve(options.request(source, spec.mavenArgs(), checked), null);
        Lock lock = result.lock().withSources(pinned == null ? List.of() : List.of(pinned));
        LockFile.write(lock, lockFile);
        ResolveCommand.report(result, lockFile, null, checked);

        Ports.Port port = ports.ports().load(dir);
        PortTree.write(port.files(), port.dir());
        List<String> unverified = port.generated().unverified();
        System.out.println("wrote ports/" + port.path() + (unverified.isEmpty() ? ": every distfile verified"
                : ": " + unverified.size() + " distfiles still unverified (pkg/README lists them)"));
    }

    /** The source distfile, downloaded once into the cache and hashed; a changed archive is fatal. */
    private SourceDistfile fetchSource(PortSpec spec, Path lockFile) {
        String url = spec.sourceUrl();
        if (url.startsWith("http:") && !options.allowHttp) {
            throw new PortkitException(ExitStatus.BAD_INPUT, spec.dir().resolve(PortSpec.FILE) + ": the source site " + url
                    + " is plain http; use https, or --allow-http for a site you trust (e.g. on loopback)");
        }
        Path file = Defaults.cache(options.cache).resolve("distfiles").resolve(spec.sourceDistfile());
        if (!Files.isRegularFile(file)) {
            System.out.println("===> fetching " + url);
            try {
                Download.to(url, file, "source of " + spec.category() + "/" + spec.name());
            } catch (PortkitException e) {
                throw new PortkitException(e.status(), e.getMessage() + ". Where the source site is out of reach,"
                        + " resolve from a local copy with --source-tree: the source distfile then stays unverified", e);
            }
        }
        SourceDistfile now = new SourceDistfile(spec.sourceDistfile(), Hashing.sha256(file), size(file));
        Lock before = Files.isRegularFile(lockFile) ? LockFile.read(lockFile) : null;
        SourceDistfile was = before == null ? null : before.source(now.name()).orElse(null);
        if (was != null && !was.equals(now)) {
            throw new PortkitException(ExitStatus.CHECKSUM, "checksum: " + url + " (" + file + ") is SHA-256 " + now.sha256()
                    + ", " + now.size() + " bytes, but " + lockFile + " pinned " + was.sha256() + ", "
                    + was.size() + " bytes: the upstream archive changed under the same name."
                    + " Find out why before deleting the cached file.");
        }
        return now;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            throw new PortkitException(ExitStatus.INTERNAL, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
