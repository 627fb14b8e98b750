package org.portkit.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.portkit.archive.ClosureArchive;
import org.portkit.lock.LockFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "archive", mixinStandardHelpOptions = true,
        description = {"Writes the closure LOCK pins as one tar.gz, the same bytes on every machine",
                "and every run: the locked files and the maven-metadata-local.xml derived from",
                "the lock, under m2/, sorted, mtime 0, root:wheel, modes 0644 and 0755, no",
                "Maven bookkeeping files, a gzip header without time or name. Each file is",
                "read from --repo and must have the size and SHA-256 the lock says."})
final class ArchiveCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "LOCK", description = "a complete lock, from 'portkit resolve'")
    Path lock;

    @Parameters(index = "1", paramLabel = "OUT.tar.gz", description = "the archive to write (replaced whole)")
    Path out;

    @Option(names = "--repo", paramLabel = "DIR",
            description = "offline repository written from LOCK by 'portkit resolve --out DIR' (default: ${DEFAULT-VALUE})")
    Path repo = Path.of("m2");

    @Override
    public Integer call() {
        ClosureArchive.Summary s = ClosureArchive.write(LockFile.read(lock), repo, out);
        System.out.printf(Locale.ROOT, "wrote %s: %d entries (%d files, %d metadata, %d directories), %.1f MB (%d bytes)%n",
                out, s.entries(), s.files(), s.metadata(), s.directories(), s.bytes() / 1e6, s.bytes());
        System.out.printf("SHA256 (%s) = %s%n", out.getFileName(), s.sha256());
        return 0;
    }
}
