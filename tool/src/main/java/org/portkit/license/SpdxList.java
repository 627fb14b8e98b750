package org.portkit.license;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.spdx.core.InvalidSPDXAnalysisException;
import org.spdx.library.ListedLicenses;
import org.spdx.library.model.v3_0_1.expandedlicensing.ListedLicense;
import org.spdx.library.model.v3_0_1.expandedlicensing.ListedLicenseException;

/**
 * The SPDX License List as the SPDX project's Java library ships it in its jar: every license's and
 * exception's id, name, reference URLs (seeAlso) and the OSI and FSF flags. Only the jar's copy is
 * read, never spdx.org, so that a lock means the same on every machine and a run needs no network:
 * the library's {@code org.spdx.useJARLicenseInfoOnly} is set before it loads.
 *
 * <p>Reading one license is cheap (its JSON file in the jar); the whole list, which matching POM
 * wording needs, takes about a second and a half and is read once per run, on a thread of its own
 * from {@link #readAhead} or when {@link #all} is first asked.
 */
final class SpdxList {
    /** The library reads this system property (or its properties file); true keeps it off the network. */
    static final String JAR_ONLY = "org.spdx.useJARLicenseInfoOnly";

    /** One listed license or exception. */
    record Entry(String id, String name, List<String> seeAlso, boolean osi, boolean fsf, boolean deprecated) {}

    /** @param licenses and exceptions by id, as the list spells them */
    record Listed(String version, SortedMap<String, Entry> licenses, SortedMap<String, Entry> exceptions) {}

    private static final class Library {
        /** Opened on a thread of its own from the first mention ({@link #openAhead}): it takes a while. */
        static final CompletableFuture<ListedLicenses> LIST = CompletableFuture.supplyAsync(SpdxList::open);
    }

    private static final class All {
        /** Read on a thread of its own, once the list is open, from the first mention ({@link #readAhead}). */
        static final CompletableFuture<Listed> LISTED = Library.LIST.thenApplyAsync(SpdxList::read);
    }

    private SpdxList() {}

    /** Opens the list afresh from the jar (a test calls it to watch for network use). */
    static ListedLicenses open() {
        System.setProperty(JAR_ONLY, "true");
        return ListedLicenses.resetListedLicenses();
    }

    /**
     * Starts opening the list, so that it is read while the caller does other work before it asks
     * (a run that generates ports reads its specs and locks first).
     */
    static void openAhead() {
        Library.LIST.isDone();
    }

    /** Starts reading the whole list (about a second and a half), for a caller that will match POM wording later. */
    static void readAhead() {
        All.LISTED.isDone();
    }

    private static ListedLicenses library() {
        return join(Library.LIST);
    }

    static Listed all() {
        return join(All.LISTED);
    }

    private static <T> T join(CompletableFuture<T> reading) {
        try {
            return reading.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /**
     * Whether the list flags the license {@code id} (its exact id) OSI-approved or FSF-libre, without
     * reading the rest of the list. A lock names a few licenses for many artifacts: each is read once.
     */
    static boolean approved(String id) {
        return APPROVED.computeIfAbsent(id, SpdxList::readApproved);
    }

    private static final Map<String, Boolean> APPROVED = new ConcurrentHashMap<>();

    private static boolean readApproved(String id) {
        ListedLicenses list = library();
        if (!list.isSpdxListedLicenseId(id)) {
            return false;
        }
        try {
            ListedLicense l = list.getListedLicenseById(id);
            return l != null && (l.getIsOsiApproved().orElse(false) || l.getIsFsfLibre().orElse(false));
        } catch (InvalidSPDXAnalysisException e) {
            throw unreadable(e);
        }
    }

    static Listed read(ListedLicenses list) {
        try {
            SortedMap<String, Entry> licenses = new TreeMap<>();
            for (var e : list.getSpdxListedLicenses().entrySet()) {
                licenses.put(e.getKey(), entry(e.getKey(), e.getValue()));
            }
            SortedMap<String, Entry> exceptions = new TreeMap<>();
            for (var e : list.getSpdxListedLicenseExceptions().entrySet()) {
                ListedLicenseException x = e.getValue();
                exceptions.put(e.getKey(), new Entry(e.getKey(), x.getName().orElse(""), new ArrayList<>(x.getSeeAlsos()),
                        false, false, x.getDeprecatedVersion().isPresent()));
            }
            return new Listed(list.getLicenseListVersion(), licenses, exceptions);
        } catch (InvalidSPDXAnalysisException e) {
            throw unreadable(e);
        }
    }

    private static IllegalStateException unreadable(InvalidSPDXAnalysisException e) {
        return new IllegalStateException("the SPDX license list in the library's jar is unreadable: " + e.getMessage(), e);
    }

    private static Entry entry(String id, ListedLicense l) throws InvalidSPDXAnalysisException {
        return new Entry(id, l.getName().orElse(""), new ArrayList<>(l.getSeeAlsos()), l.getIsOsiApproved().orElse(false),
                l.getIsFsfLibre().orElse(false), l.getIsDeprecatedLicenseId().orElse(false));
    }
}
