package org.portkit.closure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.portkit.cache.Cache;
import org.portkit.failure.Failure;
import org.portkit.failure.PortkitException;
import org.portkit.io.AtomicFiles;
import org.portkit.io.Hashing;
import org.portkit.io.WorkArea;
import org.portkit.license.PomLicenses;
import org.portkit.lock.Lock;
import org.portkit.lock.LockEntry;
import org.portkit.lock.LockFile;
import org.portkit.lock.Locker;
import org.portkit.lock.OfflineRepository;
import org.portkit.lock.Unverified;
import org.portkit.m2.Layout;
import org.portkit.maven.MavenArgs;
import org.portkit.maven.MavenDistribution;
import org.portkit.maven.MavenRun;
import org.portkit.maven.SuperPom;
import org.portkit.maven.Target;
import org.portkit.model.Reactor;
import org.portkit.model.ReactorReader;
import org.portkit.model.ReactorWorkspace;
import org.portkit.resolve.Fetched;
import org.portkit.resolve.Problems;
import org.portkit.resolve.Progress;
import org.portkit.resolve.Repositories;
import org.portkit.resolve.Resolver;
import org.portkit.resolve.Untracked;
import org.portkit.resolve.UserSettings;
import org.portkit.source.SourceTree;

/**
 * source → project model → closure → lock: computes everything Maven needs to build a project
 * offline, writes it as a local repository and a lock, and (optionally) proves it by running the
 * build offline with nothing else. Nothing is written unless every step succeeded.
 */
public final class ClosureEngine {

    /** What to resolve (a source and the Maven arguments the port gives it), where, and how. */
    public record Request(Path source, List<String> mavenArgs, Environment environment, Set<Option> options) {
        public Request {
            options = Set.copyOf(options);
        }

        public String mavenVersion() {
            return environment.mavenVersion();
        }

        public Path javaHome() {
            return environment.javaHome();
        }

        public Cache cache() {
            return environment.cache();
        }

        public UserSettings settings() {
            return environment.settings();
        }

        public boolean allowHttp() {
            return options.contains(Option.ALLOW_HTTP);
        }

        public boolean record() {
            return options.contains(Option.RECORD);
        }

        public boolean check() {
            return options.contains(Option.CHECK);
        }

        public boolean partial() {
            return options.contains(Option.PARTIAL);
        }
    }

    /** The Maven a closure is computed for, the JDK its builds run on, the cache, the user's settings. */
    public record Environment(String mavenVersion, Path javaHome, Cache cache, UserSettings settings) {}

    /** How a closure is computed, each off unless named. */
    public enum Option {
        /** accept plain-http repositories and source sites */
        ALLOW_HTTP,
        /** run the build once online through portkit's mirror to record what plugins fetch while they run */
        RECORD,
        /** build offline with only the closure before anything is written */
        CHECK,
        /**
         * where a repository cannot be reached, write a partial lock naming what is missing instead of
         * failing (no offline repository, no recording, no check)
         */
        PARTIAL
    }

    /** @param recording how the run learned what the build fetches while it runs */
    public record Result(Lock lock, long downloadedFiles, long downloadedBytes, Recording recording) {}

    public enum Recording {
        SKIPPED("not recorded (--no-record)"),
        IMPOSSIBLE("NOT recorded: the build cannot run while artifacts are missing (partial lock)"),
        RAN("recorded by running the build online"),
        REPLAYED("replayed from the cache (source, arguments, Maven, JDK and repositories unchanged)");

        public final String description;

        Recording(String description) {
            this.description = description;
        }
    }

    /** The platform every closure is computed for: the ports tree's. */
    static final Target TARGET = Target.OPENBSD_AMD64;

    private ClosureEngine() {}

    /** Resolves, writes the offline repository to {@code out} and the lock to {@code lockFile}. */
    public static Result resolve(Request request, Path out, Path lockFile) {
        Result result = resolve(request, out);
        LockFile.write(result.lock(), lockFile);
        return result;
    }

    /**
     * Resolves and returns the lock without writing it; the offline repository goes to {@code out},
     * or, when {@code out} is null, is only staged (for the check) and then discarded.
     */
    public static Result resolve(Request request, Path out) {
        MavenArgs args = MavenArgs.parse(request.mavenArgs());
        try (WorkArea work = request.cache().newWork("run")) {
            try {
                return resolve(request, args, work, out);
            } catch (PortkitException e) {
                // The user knows their source, not portkit's copy of it.
                throw new PortkitException(e.kind(), inUserTerms(e.getMessage(), request, work), e);
            }
        } catch (IOException e) {
            throw new PortkitException(Failure.INTERNAL, e.getMessage(), e);
        }
    }

    private static String inUserTerms(String message, Request request, WorkArea work) {
        return SourceTree.inUserTerms(SourceTree.inUserTerms(message, request.source(), work.dir().resolve("src")),
                request.source(), work.dir().resolve("check-src"));
    }

    private static Result resolve(Request request, MavenArgs args, WorkArea area, Path out) throws IOException {
        Path work = area.dir();
        Optional<Instant> killed = area.afterKilledRun();
        if (killed.isPresent()) {
            Untracked.forget(request.cache().repository(), killed.get());
            area.cleaned();
        }
        // Logs outlive the work directory, so that a failure's log can still be read.
        Path logs = Files.createDirectories(request.cache().logs()).resolve(work.getFileName().toString());
        String javaVersion = MavenRun.javaVersion(request.javaHome());
        Progress progress = Progress.forConsole();
        Phases phases = Phases.fromEnvironment(progress::files);

        // An archive is named by its bytes, before it is unpacked; a directory by the copy made of it.
        boolean archive = Files.isRegularFile(request.source());
        Path copy = archive ? null : SourceTree.materialize(request.source(), work.resolve("src"));
        String copyTree = archive ? null : Hashing.tree(copy);
        String source = archive ? "archive " + Hashing.sha256(request.source()) : "tree " + copyTree;
        // A recorded run's lock is kept under a digest of its inputs: the same inputs need nothing but the copy.
        Path keptFile = request.record() && !request.partial()
                ? request.cache().recordings().resolve("lock-" + inputs(request, args, javaVersion, source) + ".txt") : null;
        Optional<KeptLock> kept = keptFile == null ? Optional.empty() : KeptLock.read(keptFile, request.cache().root());
        phases.done("source");
        if (kept.isPresent()) {
            progress.finish();
            MavenDistribution maven = request.check() ? maven(request, progress) : null;
            stage(request, maven, kept.get(), area, out, phases, logs);
            return new Result(kept.get().lock(), progress.files(), progress.bytes(), Recording.REPLAYED);
        }

        Path project = archive ? SourceTree.materialize(request.source(), work.resolve("src")) : copy;
        String tree = archive ? Hashing.tree(project) : copyTree;
        MavenDistribution maven = maven(request, progress);
        phases.done("maven");
        Path rootPom = rootPom(project, args);
        Map<String, Path> poms = ReactorReader.indexSourceTree(rootPom);
        Map<String, String> platform = new LinkedHashMap<>(TARGET.systemProperties());
        platform.put("java.version", javaVersion);
        List<RemoteRepository> central = SuperPom.repositories();
        try (Resolver resolver = Resolver.open(request.cache().repository(), request.settings(), args.properties(), platform,
                new ReactorWorkspace(poms), request.allowHttp(), progress)) {
            List<RemoteRepository> start = new ArrayList<>(request.settings().repositories(false));
            start.addAll(central);
            Reactor reactor = new ReactorReader(resolver, args, javaVersion, TARGET, start).read(rootPom, poms);
            phases.done("model");
            PomLicenses.prepare(); // for the lock, beside the build that waits on the network
            StaticClosure statics = new StaticClosure(resolver, maven.lifecycles(), args,
                    request.settings().repositories(false), request.settings().repositories(true));
            BuildRecorder recorder = new BuildRecorder(resolver, maven, request.javaHome(), reactor.osProfileOptions(),
                    request.cache().recordings());
            Path recordLog = Path.of(logs + "-record.log");
            Recording recording = Recording.SKIPPED;
            // Without a recording the lock is the static closure, a superset; with one, exactly what the build read.
            List<Fetched> fetched;
            Set<String> metadata;
            Set<String> runtime;
            Recorded recorded = null;
            // Static resolution once, however many ask: the replay, the mirror, the sequence below.
            Supplier<Map<String, RemoteRepository>> staticThenKnown = once(() -> {
                statics.resolve(reactor);
                return knownRepositories(resolver, reactor, start);
            });
            if (request.record() && !request.partial()) {
                // What is known before anything else runs (and so the recording's digest) does not
                // depend on how far static resolution got.
                Map<String, RemoteRepository> known = knownRepositories(resolver, reactor, start);
                Path saved = recorder.recordingFile(tree, args, known);
                // A recording is kept only for a run that succeeded, static resolution included: a
                // replay needs nothing more from it.
                recorded = recorder.replay(saved, known, staticThenKnown).orElse(null);
                if (recorded == null) {
                    // The build leads; static resolution runs beside it (see StaticBeside).
                    StaticBeside beside = new StaticBeside(staticThenKnown, resolver.problems(), phases);
                    try {
                        recorded = recorder.build(saved, project, args, known, beside::repositories, work, recordLog);
                    } catch (PortkitException e) {
                        beside.join();
                        resolver.problems().throwIfAny("artifacts the POMs name");
                        throw e;
                    }
                    beside.join();
                    recorded = recorded.withPicked(resolver.log().all(), TARGET).withRuntime(statics.runtime());
                }
                resolver.problems().throwIfAny("artifacts the POMs name or the build fetched while it ran");
            } else {
                staticThenKnown.get();
                phases.done("static");
                Map<String, Problems.Miss> unreachable = request.partial() ? resolver.problems().unreachableOnly() : null;
                if (unreachable == null) {
                    resolver.problems().throwIfAny("artifacts the POMs name");
                } else if (!unreachable.isEmpty()) {
                    return partial(maven, args, resolver, unreachable, progress, statics.runtime());
                }
                if (request.record()) {
                    Map<String, RemoteRepository> known = staticThenKnown.get();
                    Path saved = recorder.recordingFile(tree, args, known);
                    recorded = recorder.replay(saved, known, Map::of).orElse(null);
                    if (recorded == null) {
                        recorded = recorder.build(saved, project, args, known, Map::of, work, recordLog)
                                .withPicked(resolver.log().all(), TARGET).withRuntime(statics.runtime());
                    }
                    resolver.problems().throwIfAny("artifacts the build fetched while it ran");
                }
            }
            if (recorded != null) {
                recording = recorded.ran() ? Recording.RAN : Recording.REPLAYED;
                fetched = recorded.filter(resolver.log().all());
                metadata = recorded.metadata();
                runtime = recorded.runtime();
                phases.done("recording");
            } else {
                fetched = resolver.log().all();
                metadata = resolver.log().metadata();
                runtime = statics.runtime();
            }
            progress.finish();

            Map<String, Path> files = cached(fetched);
            Lock lock = withLicenses(Locker.lock(maven.version(), args.all(), fetched, metadata), files)
                    .withRuntime(runtime).withTarget(TARGET.id());
            phases.done("lock");
            KeptLock done = new KeptLock(lock, reactor.osProfileOptions(), files);
            stage(request, maven, done, area, out, phases, logs);
            if (recorded != null) {
                BuildRecorder.keep(recorded);
                done.keep(keptFile, request.cache().root());
            }
            return new Result(lock, progress.files(), progress.bytes(), recording);
        }
    }

    /**
     * Lays the lock's files out beside {@code out} (or only in the work area when it is null),
     * checks the build offline with them if asked, and moves them into place.
     */
    private static void stage(Request request, MavenDistribution maven, KeptLock kept, WorkArea area, Path out,
            Phases phases, Path logs) throws IOException {
        Path staged = out != null ? area.stageBeside(out) : Files.createDirectory(area.dir().resolve("m2"));
        OfflineRepository.populate(kept.lock(), e -> kept.files().get(key(e)), staged);
        phases.done("staging");
        if (request.check()) {
            check(maven, request, kept.targetOptions(), staged, area.dir(), Path.of(logs + "-check.log"));
            phases.done("check");
        }
        if (out != null) {
            AtomicFiles.replaceDirectory(staged, out);
        }
    }

    private static MavenDistribution maven(Request request, Progress progress) {
        return MavenDistribution.obtain(request.mavenVersion(), request.cache(), request.settings(), request.allowHttp(),
                progress);
    }

    /**
     * The digest of everything a recorded run's lock follows from: the source, the arguments,
     * the Maven and JDK versions, the settings (mirrors, repositories), plain http allowed or not, the
     * target. Released artifacts do not change, and a recorded run refuses SNAPSHOTs from outside.
     */
    private static String inputs(Request request, MavenArgs args, String javaVersion, String source) {
        List<String> facts = new ArrayList<>(List.of("portkit kept lock 1", "portkit " + ToolDigest.value(), "maven " + request.mavenVersion(),
                "java " + javaVersion, "target " + TARGET.id(), "allow-http " + request.allowHttp(), source));
        args.all().forEach(a -> facts.add("arg " + a));
        facts.add("settings " + request.settings().fingerprint());
        return Hashing.lines(facts);
    }

    /** Writes a lock that names what could not be obtained; the offline repository is not written. */
    private static Result partial(MavenDistribution maven, MavenArgs args, Resolver resolver,
            Map<String, Problems.Miss> unreachable, Progress progress, java.util.Set<String> runtime) {
        progress.finish();
        List<Fetched> fetched = resolver.log().all();
        Lock complete = Locker.lock(maven.version(), args.all(), fetched, resolver.log().metadata());
        TreeMap<String, String> repositories = new TreeMap<>(complete.repositories());
        TreeSet<Unverified> unverified = new TreeSet<>();
        unreachable.forEach((key, failure) -> {
            String id = key.substring(0, key.indexOf(' '));
            repositories.put(id, failure.repositoryUrl());
            unverified.add(new Unverified(id, failure.path(), failure.cause()));
        });
        Lock lock = new Lock(complete.mavenVersion(), complete.mavenArgs(), repositories, complete.prefixes(),
                complete.metadata(), complete.files(), unverified, List.of(
                        "the dependencies of unverified POMs are not known yet",
                        "run-time artifacts were not recorded: the build cannot run without the unverified files"),
                new TreeSet<>());
        return new Result(withLicenses(lock, cached(fetched)).withRuntime(runtime).withTarget(TARGET.id()), progress.files(),
                progress.bytes(),
                Recording.IMPOSSIBLE);
    }

    /** Where each fetched file is in the resolver cache, by {@link #key}. */
    private static Map<String, Path> cached(List<Fetched> fetched) {
        Map<String, Path> files = new LinkedHashMap<>();
        fetched.forEach(f -> files.putIfAbsent(f.repository().id() + ' ' + f.path(), f.file()));
        return files;
    }

    /** The lock with its artifacts' licenses, read now from the cached POMs so that later stages need only the lock. */
    private static Lock withLicenses(Lock lock, Map<String, Path> files) {
        return lock.withLicenses(PomLicenses.of(lock, e -> files.get(key(e))));
    }

    private static String key(LockEntry e) {
        return e.repository() + ' ' + e.path();
    }

    /** Runs the build offline in a fresh copy of the source, with the staged repository and nothing else. */
    static void check(MavenDistribution maven, Request request, List<String> targetOptions, Path repository, Path work,
            Path log) throws IOException {
        Path project = SourceTree.materialize(request.source(), work.resolve("check-src"));
        Path settings = MavenRun.emptySettings(work);
        List<String> options = new ArrayList<>(List.of("-o", "-s", settings.toString(),
                "-Dmaven.repo.local=" + repository.toAbsolutePath()));
        options.addAll(targetOptions);
        MavenRun.run(maven, request.javaHome(), project, options, request.mavenArgs(), log,
                "the offline check build (mvn -o with the closure only)");
    }

    /**
     * The {@code -P} options that make a build of {@code project} on this host activate the target's
     * {@code <os>} profiles and no others ({@link Reactor#osProfileOptions}), as the recording and the
     * check get them, for a closure laid out as the offline repository {@code m2}: parents and BOMs are
     * read from there, nothing from a network. {@code scratch} is an empty directory for the resolver.
     */
    public static List<String> targetOptions(Path project, List<String> mavenArgs, Path javaHome, Path m2,
            Path scratch) throws IOException {
        MavenArgs args = MavenArgs.parse(mavenArgs);
        Path rootPom = rootPom(project, args);
        Map<String, Path> reactor = ReactorReader.indexSourceTree(rootPom);
        Map<String, Path> known = new LinkedHashMap<>(reactor);
        try (Stream<Path> walk = Files.walk(m2)) {
            for (Path pom : (Iterable<Path>) walk.filter(f -> f.toString().endsWith(".pom"))::iterator) {
                Artifact a = Layout.artifact(m2.relativize(pom).toString());
                if (a != null) {
                    known.putIfAbsent(a.getGroupId() + ':' + a.getArtifactId() + ':' + a.getBaseVersion(), pom);
                }
            }
        }
        String javaVersion = MavenRun.javaVersion(javaHome);
        Map<String, String> platform = new LinkedHashMap<>(TARGET.systemProperties());
        platform.put("java.version", javaVersion);
        try (Resolver resolver = Resolver.open(scratch, UserSettings.none(), args.properties(), platform,
                new ReactorWorkspace(known), false, Progress.quiet())) {
            return new ReactorReader(resolver, args, javaVersion, TARGET, List.of()).read(rootPom, reactor)
                    .osProfileOptions();
        }
    }

    /** The POM the build starts from: pom.xml, or what {@code -f} names (a POM or its directory). */
    private static Path rootPom(Path project, MavenArgs args) {
        Path pom = args.file() == null ? project.resolve("pom.xml") : project.resolve(args.file()).normalize();
        pom = Files.isDirectory(pom) ? pom.resolve("pom.xml") : pom;
        if (!pom.startsWith(project) || !Files.isRegularFile(pom)) {
            throw new PortkitException(Failure.BAD_INPUT, "the source has no POM "
                    + (args.file() == null ? "pom.xml" : args.file() + " (named by -f)") + " at its top");
        }
        return pom;
    }

    /** A supplier that computes its value on the first call only (the others wait for it). */
    private static <T> Supplier<T> once(Supplier<T> compute) {
        return new Supplier<>() {
            private T value;
            private boolean done;

            @Override
            public synchronized T get() {
                if (!done) {
                    value = compute.get();
                    done = true;
                }
                return value;
            }
        };
    }

    /** Repositories the recording build may ask for: the reactor's, the settings', and any that served a file. */
    private static Map<String, RemoteRepository> knownRepositories(Resolver resolver, Reactor reactor,
            List<RemoteRepository> start) {
        List<RemoteRepository> declared = new ArrayList<>(start);
        reactor.modules().forEach(m -> {
            m.model().getRepositories().forEach(r -> declared.add(Repositories.of(r)));
            m.model().getPluginRepositories().forEach(r -> declared.add(Repositories.of(r)));
        });
        resolver.log().all().forEach(f -> declared.add(Resolver.repository(f.repository().id(), f.repository().url(), true, false)));
        Map<String, RemoteRepository> byId = new LinkedHashMap<>();
        for (RemoteRepository r : resolver.effective(declared)) {
            byId.putIfAbsent(r.getId(), r);
        }
        return byId;
    }
}
