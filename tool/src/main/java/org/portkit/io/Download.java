package org.portkit.io;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.portkit.failure.Failure;
import org.portkit.failure.PortkitException;

/**
 * Plain HTTP(S) downloads of distfiles, written whole or not at all. A server that sends nothing
 * for {@link Network#silenceTimeoutMillis()} fails the download; one that is merely slow is named
 * every ten seconds with what it sent so far.
 */
public final class Download {
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofMillis(Network.CONNECT_TIMEOUT_MS)).build();
    private static final long NOTICE_MS = 10_000;

    private Download() {}

    /** Downloads {@code url} to {@code file} through a temporary file; any failure is exit 4, naming the URL. */
    public static void to(String url, Path file, String step) {
        Path tmp = null;
        try {
            Files.createDirectories(file.getParent());
            tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".part");
            long silence = Network.silenceTimeoutMillis();
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMillis(silence)).GET().build();
            HttpResponse<Path> r = await(HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofFile(tmp)), tmp, url, silence);
            if (r.statusCode() != 200) {
                throw new PortkitException(Failure.UNOBTAINABLE, step + ": " + url + " answered " + r.statusCode());
            }
            AtomicFiles.move(tmp, file);
        } catch (IOException e) {
            throw new PortkitException(Failure.UNOBTAINABLE, step + ": " + url + ": "
                    + (e.getMessage() != null ? e.getMessage() : "unreachable (" + e.getClass().getSimpleName() + ")"), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PortkitException(Failure.UNOBTAINABLE, step + ": " + url + ": interrupted", e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a stray .part file is ignored by every reader and replaced by the next download
                }
            }
        }
    }

    /** Waits for the body while it grows; gives up after {@code silence} ms without a byte. */
    private static <T> HttpResponse<T> await(CompletableFuture<HttpResponse<T>> response, Path body, String url,
            long silence) throws IOException, InterruptedException {
        long size = 0;
        long lastByte = System.currentTimeMillis();
        long lastNotice = lastByte;
        while (true) {
            try {
                return response.get(200, TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            } catch (TimeoutException e) {
                long now = System.currentTimeMillis();
                long grown = Files.size(body);
                if (grown != size) {
                    size = grown;
                    lastByte = now;
                } else if (now - lastByte >= silence) {
                    response.cancel(true);
                    throw new IOException("timed out: the server sent nothing for " + silence / 1000 + " s");
                }
                if (now - lastNotice >= NOTICE_MS) {
                    lastNotice = now;
                    System.err.printf("portkit: still downloading %s: %.1f MB so far%n", url, size / 1e6);
                }
            }
        }
    }
}
