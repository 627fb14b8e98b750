package org.portkit.closure;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.metadata.DefaultMetadata;
import org.eclipse.aether.metadata.Metadata;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.portkit.io.Hashing;
import org.portkit.m2.Layout;
import org.portkit.resolve.Resolver;

/**
 * A Maven repository on loopback that stands in for every repository of a build while Maven runs
 * it once, online: {@code /ID/path} is answered from repository ID through portkit's resolver, so
 * every file Maven asks for is verified, cached and written to the fetch log. {@code /_/path} is
 * for repositories the POMs did not reveal beforehand; it tries every known one in turn.
 */
final class RecordingMirror implements AutoCloseable {
    static final String ANY = "_";
    private static final Map<String, String> CHECKSUMS = Map.of(".sha1", "SHA-1", ".md5", "MD5",
            ".sha256", "SHA-256", ".sha512", "SHA-512");

    private final Resolver resolver;
    /** By id, in the order a '*' request tries them; grows once by {@link #more}. */
    private final Map<String, RemoteRepository> repositories;
    private final Supplier<Map<String, RemoteRepository>> more;
    private volatile boolean settled;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    /** The file served for "MIRROR-ID PATH". */
    private final Map<String, Path> answered = new ConcurrentHashMap<>();
    /** "artifact REPOSITORY PATH" and "metadata REPOSITORY DIRECTORY" of everything served. */
    private final Set<String> served = ConcurrentHashMap.newKeySet();

    /**
     * @param repositories what is known when the build starts
     * @param more blocks until the rest is known (the repositories static resolution found in
     *     dependency POMs): asked when a '*' request finds nothing in the first ones
     */
    static {
        // Without it the JDK's server stalls each response on a kept-alive connection until the
        // client's delayed ACK: measured with curl on loopback, about 40 ms after every response.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    RecordingMirror(Resolver resolver, Map<String, RemoteRepository> repositories,
            Supplier<Map<String, RemoteRepository>> more) throws IOException {
        this.resolver = resolver;
        this.repositories = new LinkedHashMap<>(repositories);
        this.more = more;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    String url(String repositoryId) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + repositoryId + "/";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String uri = exchange.getRequestURI().getPath();
            int slash = uri.indexOf('/', 1);
            if (slash < 0 || !(exchange.getRequestMethod().equals("GET") || exchange.getRequestMethod().equals("HEAD"))) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String id = uri.substring(1, slash);
            String path = uri.substring(slash + 1);
            String suffix = CHECKSUMS.keySet().stream().filter(path::endsWith).findFirst().orElse(null);
            String base = suffix == null ? path : path.substring(0, path.length() - suffix.length());
            // A file's checksum is asked for right after the file: answered without the resolver again.
            String key = id + ' ' + base;
            Path file = answered.get(key);
            if (file == null) {
                file = serve(base, candidates(id));
                if (file == null && id.equals(ANY) && !settled) {
                    file = serve(base, settle());
                }
                if (file != null) {
                    answered.put(key, file);
                }
            }
            if (file == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = suffix == null ? null : checksum(file, suffix).getBytes(StandardCharsets.US_ASCII);
            long length = body != null ? body.length : Files.size(file);
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(200, head ? -1 : length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    if (body != null) {
                        out.write(body);
                    } else {
                        Files.copy(file, out);
                    }
                }
            }
        }
    }

    private synchronized List<RemoteRepository> candidates(String id) {
        return id.equals(ANY) ? new ArrayList<>(repositories.values())
                : repositories.containsKey(id) ? List.of(repositories.get(id)) : List.of();
    }

    /** Waits for the rest of the repositories; returns those that were not known before. */
    private List<RemoteRepository> settle() {
        Map<String, RemoteRepository> rest = more.get();
        synchronized (this) {
            List<RemoteRepository> added = new ArrayList<>();
            rest.forEach((id, r) -> {
                if (repositories.putIfAbsent(id, r) == null) {
                    added.add(r);
                }
            });
            settled = true;
            return added;
        }
    }

    /**
     * The checksum Maven asks for: the repository's own, which the resolver verified the download
     * against and keeps beside the file (so nothing is hashed a second time, and a file changed in
     * the cache since fails Maven's check), else computed from the file.
     */
    private static String checksum(Path file, String suffix) throws IOException {
        Path kept = file.resolveSibling(file.getFileName() + suffix);
        if (Files.isRegularFile(kept)) {
            String[] words = Files.readString(kept, StandardCharsets.US_ASCII).trim().split("\\s+");
            if (words.length > 0 && words[0].matches("[0-9a-fA-F]{32,128}")) {
                return words[0].toLowerCase(java.util.Locale.ROOT);
            }
        }
        return Hashing.hex(CHECKSUMS.get(suffix), file);
    }

    /** The verified file behind a repository path, or null when no candidate repository has it. */
    private Path serve(String path, List<RemoteRepository> candidates) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (name.endsWith(".asc") || name.isEmpty()) {
            return null;
        }
        for (RemoteRepository repository : candidates) {
            if (name.startsWith("maven-metadata")) {
                String[] dirs = path.split("/");
                Metadata metadata = new DefaultMetadata(String.join(".", Arrays.copyOf(dirs, dirs.length - 1)),
                        "maven-metadata.xml", Metadata.Nature.RELEASE);
                Path file = resolver.tryMetadata(metadata, repository);
                if (file != null) {
                    served.add("metadata " + repository.getId() + ' ' + path.substring(0, path.lastIndexOf('/')));
                    return file;
                }
            } else {
                Artifact artifact = Layout.artifact(path);
                ArtifactResult r = artifact == null ? null : resolver.tryResolve(artifact, repository);
                if (r != null && r.isResolved()) {
                    served.add("artifact " + repository.getId() + ' ' + path);
                    return r.getArtifact().getPath();
                }
            }
        }
        return null;
    }

    /** What the build fetched, one line each, sorted. */
    Set<String> served() {
        return new TreeSet<>(served);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
