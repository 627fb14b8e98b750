package org.portkit.closure;

import java.nio.file.Path;
import java.util.List;
import org.portkit.license.LicenseSummary;

/** What a resolve says it did, shared by 'portkit resolve' and the lock of a port. */
public final class ResolveReport {
    private ResolveReport() {}

    /**
     * @param lock where the lock is (or will be) written
     * @param out the offline repository written, or null where none is
     * @param check whether the offline build was checked
     */
    public static List<String> lines(ClosureEngine.Result result, Path lock, Path out, boolean check) {
        LicenseSummary licenses = LicenseSummary.of(result.lock());
        return List.of(String.format("%d files (%.1f MB) from %d repositories pinned in %s; %s",
                        result.lock().files().size(), result.lock().totalSize() / 1e6, result.lock().repositories().size(), lock,
                        result.lock().isComplete()
                                ? (out != null ? "offline repository " + out : "closure complete") + (check ? " (offline build checked)" : "")
                                : "PARTIAL: " + result.lock().unverified().size() + " files could not be obtained (listed in the lock);"
                                        + " no offline repository was written"),
                String.format("downloaded this run: %d files, %.1f MB; run-time artifacts %s", result.downloadedFiles(),
                        result.downloadedBytes() / 1e6, result.recording().description),
                String.format("licenses of the %d jar artifacts in the build closure: %d unknown, %d non-free%s",
                        licenses.artifacts(), licenses.unknown().size(), licenses.nonFree().size(),
                        licenses.isClear() ? "" : " (their 'license' lines in the lock say why)"));
    }
}
