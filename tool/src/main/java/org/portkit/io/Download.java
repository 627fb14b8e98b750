package org.portkit.io;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.portkit.failure.Failure;
import org.portkit.failure.PortkitException;

/** Plain HTTP(S) downloads of distfiles, written whole or not at all. */
public final class Download {
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(20)).build();

    private Download() {}

    /** Downloads {@code url} to {@code file} through a temporary file; any failure is exit 4, naming the URL. */
    public static void to(String url, Path file, String step) {
        Path tmp = null;
        try {
            Files.createDirectories(file.getParent());
            tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".part");
            HttpResponse<InputStream> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = r.body()) {
                if (r.statusCode() != 200) {
                    throw new PortkitException(Failure.UNOBTAINABLE, step + ": " + url + " answered " + r.statusCode());
                }
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
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
}
