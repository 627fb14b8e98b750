package org.portkit.license;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.portkit.lock.License;

/**
 * POM license declarations ({@code <name>} and {@code <url>}) to SPDX identifiers, where the
 * declaration is clear; anything else stays UNKNOWN with its words. A small table of the licenses
 * Java libraries use, built from what the POMs in the Jitsi closures actually say: the name is
 * matched first (case-insensitive, punctuation ignored), then the URL (scheme, {@code www.} and
 * file extension ignored), because a name like "GPL2 w/ CPE" is more precise than the URL it
 * points to.
 *
 * <p>Ambiguous declarations stay UNKNOWN on purpose: "The BSD License" (2 or 3 clauses?), plain
 * "LGPL" (which version?), licenses of one project ("Bouncy Castle Licence"). The Eclipse
 * Distribution License 1.0 is BSD-3-Clause (SPDX has no id of its own for it), and public domain,
 * which SPDX has no id for, is {@code LicenseRef-Public-Domain}.
 */
public final class Spdx {
    /** One {@code <license>} element of a POM. */
    public record Declared(String name, String url) {}

    /**
     * @param free on the allow list: approved by the OSI or free by the FSF's definition
     * @param name the license's names, matched against the normalized name (see {@link #normalize})
     * @param urls normalized URLs (see {@link #url}) that name this license alone
     */
    private record Entry(String id, boolean free, Pattern name, List<String> urls) {}

    public static final String PUBLIC_DOMAIN = "LicenseRef-Public-Domain";
    private static final String GPL2_CPE = "GPL-2.0-only WITH Classpath-exception-2.0";

    /** "the X license version 2 0" and its variants, for a family of names and one version. */
    private static Pattern named(String family, String version) {
        return Pattern.compile("(the )?(" + family + ")( licen[cs]e)?( version| v)? ?" + version);
    }

    private static final List<Entry> TABLE = List.of(
            new Entry("Apache-2.0", true, named("apache( software| public)?|asl", "2( 0)?"),
                    List.of("apache.org/licenses/license-2.0", "opensource.org/licenses/apache-2.0",
                            "opensource.org/license/apache-2-0")),
            new Entry("Apache-1.1", true, named("apache( software)?", "1 1"), List.of("apache.org/licenses/license-1.1")),
            new Entry("MIT", true, Pattern.compile("(the )?mit( license)?( mit)?"),
                    List.of("opensource.org/licenses/mit-license", "opensource.org/license/mit", "mit-license.org")),
            new Entry("BSD-2-Clause", true, Pattern.compile("(the )?(bsd 2 clause|2 clause bsd|simplified bsd|freebsd)( license)?"),
                    List.of()),
            new Entry("BSD-3-Clause", true,
                    Pattern.compile("(the )?(bsd 3 clause|3 clause bsd|(new|modified|revised) bsd)( license)?"
                            + "|" + named("eclipse distribution|edl", "1( 0)?").pattern()),
                    // ASM's license page is BSD-3-Clause; its POMs have also called it just "BSD"
                    List.of("eclipse.org/org/documents/edl-v10", "eclipse.org/licenses/edl-v10", "asm.ow2.io/license",
                            "asm.ow2.org/license", "asm.objectweb.org/license")),
            new Entry("0BSD", true, Pattern.compile("0bsd|zero clause bsd( license)?"), List.of()),
            new Entry("EPL-1.0", true, named("eclipse public|epl", "1( 0)?"),
                    List.of("eclipse.org/legal/epl-v10", "eclipse.org/org/documents/epl-v10")),
            new Entry("EPL-2.0", true, named("eclipse public|epl", "2( 0)?"),
                    List.of("eclipse.org/legal/epl-2.0", "eclipse.org/legal/epl-v20", "eclipse.org/org/documents/epl-2.0/epl-2.0")),
            new Entry("CPL-1.0", true, named("common public|cpl", "1( 0)?"), List.of("opensource.org/licenses/cpl1.0")),
            // "-or-later" when the name says so (see byName)
            new Entry("LGPL-2.1-only", true, named("(gnu )?(lesser|library) general public|lgpl", "2 1( only)?"),
                    List.of("gnu.org/licenses/old-licenses/lgpl-2.1", "gnu.org/licenses/old-licenses/lgpl-2.1.en",
                            "gnu.org/licenses/lgpl-2.1")),
            new Entry("LGPL-3.0-only", true, named("(gnu )?lesser general public|lgpl", "3( 0)?( only)?"),
                    List.of("gnu.org/licenses/lgpl-3.0")),
            new Entry(GPL2_CPE, true, Pattern.compile(
                    "(the )?(gnu )?(gpl|general public license)( gpl)?( version| v)? ?2( 0)?( only)?"
                            + " (w|with)( the)?( gnu)? (classpath exception|cpe)"),
                    List.of("openjdk.java.net/legal/gplv2+ce", "openjdk.org/legal/gplv2+ce")),
            new Entry("CDDL-1.0", true, named("common development and distribution( license)?( cddl)?|cddl", "1( 0)?"),
                    List.of("opensource.org/licenses/cddl1", "glassfish.dev.java.net/public/cddlv1.0")),
            new Entry("CDDL-1.1", true, named("common development and distribution( license)?( cddl)?|cddl", "1 1"), List.of()),
            new Entry("MPL-1.1", true, named("mozilla public|mpl", "1 1"),
                    List.of("mozilla.org/mpl/mpl-1.1", "mozilla.org/en-us/mpl/1.1")),
            new Entry("MPL-2.0", true, named("mozilla public|mpl", "2( 0)?"),
                    List.of("mozilla.org/mpl/2.0", "mozilla.org/en-us/mpl/2.0")),
            new Entry("ISC", true, Pattern.compile("(the )?isc( license)?"), List.of()),
            new Entry("Unlicense", true, Pattern.compile("(the )?unlicense"), List.of("unlicense.org")),
            new Entry("CC0-1.0", true, named("cc0|creative commons zero", "(1( 0)?)?( universal)?"),
                    List.of("creativecommons.org/publicdomain/zero/1.0")),
            new Entry("WTFPL", true, Pattern.compile("wtfpl"), List.of("wtfpl.net")),
            new Entry(PUBLIC_DOMAIN, true, Pattern.compile("public domain"), List.of()),
            // recognized so that they are named, and flagged: not free
            new Entry("CC-BY-NC-4.0", false, named("cc by nc|creative commons attribution noncommercial", "4( 0)?( international)?"),
                    List.of("creativecommons.org/licenses/by-nc/4.0")),
            new Entry("BUSL-1.1", false, named("busl|business source", "1 1"), List.of("mariadb.com/bsl11")),
            new Entry("SSPL-1.0", false, named("sspl|server side public", "1( 0)?"), List.of("mongodb.com/licensing/server-side-public-license")));

    /** Words that make an undeclared or unrecognized license not free, whatever else it says. */
    private static final Pattern NON_FREE = Pattern.compile(
            "commercial|proprietary|all rights reserved|non[- ]?commercial|\\bcc[- ]by(-sa)?-nc|\\bbusl\\b|\\bsspl\\b");

    private Spdx() {}

    /**
     * What the {@code <license>} elements of one POM say, as one license. Several elements mean a
     * choice (the POM reference: "the user can select any of them"), so they are joined with OR;
     * if any one is not clear, the whole declaration is UNKNOWN with every element's words, since a
     * choice is only known when every alternative is.
     */
    public static License identify(List<Declared> declared) {
        if (declared.isEmpty()) {
            return License.unknown("none declared");
        }
        Set<String> ids = new LinkedHashSet<>();
        List<String> words = new ArrayList<>();
        for (Declared d : declared) {
            String name = d.name() == null ? "" : d.name().strip();
            String url = d.url() == null ? "" : d.url().strip();
            words.add(name.isEmpty() ? "<" + url + ">" : url.isEmpty() ? name : name + " <" + url + ">");
            byName(name).or(() -> byUrl(url)).ifPresentOrElse(ids::add, () -> ids.add(null));
        }
        if (ids.contains(null)) {
            return License.unknown(String.join("; ", words));
        }
        return License.spdx(String.join(" OR ", ids));
    }

    /**
     * Whether an expression this class made is free: some alternative of it is on the allow list
     * (an exception only adds permissions; a later version of a free GNU license is free too). An
     * identifier the table does not know is not free.
     */
    public static boolean isFree(String expression) {
        for (String alternative : expression.split(" OR ")) {
            if (TABLE.stream().anyMatch(e -> e.free() && base(e.id()).equals(base(alternative)))) {
                return true;
            }
        }
        return false;
    }

    private static String base(String id) {
        return id.replaceFirst(" WITH .*", "").replaceFirst("-or-later$", "-only");
    }

    /** Whether words portkit could not identify say the license is not free ("Commercial", "Proprietary", ...). */
    public static boolean soundsNonFree(String words) {
        return NON_FREE.matcher(words.toLowerCase(Locale.ROOT)).find();
    }

    static Optional<String> byName(String name) {
        for (Entry e : TABLE) {
            if (e.id().equalsIgnoreCase(name)) {
                return Optional.of(e.id());
            }
        }
        // "LGPL-2.1+" and "... or later": the version and any later one (normalizing drops the "+")
        String normalized = normalize(name);
        String n = normalized.replaceFirst(" or (any )?later( version)?$", "");
        boolean orLater = name.contains("+") || !n.equals(normalized);
        return TABLE.stream().filter(e -> e.name().matcher(n).matches()).findFirst()
                .map(e -> orLater && e.id().endsWith("-only") ? e.id().replace("-only", "-or-later") : e.id());
    }

    static Optional<String> byUrl(String url) {
        String u = url(url);
        if (u.isEmpty()) {
            return Optional.empty();
        }
        for (Entry e : TABLE) {
            // spdx.org/licenses/ID and opensource.org/licenses/ID name the license by its id
            if (e.urls().contains(u) || u.equals("spdx.org/licenses/" + e.id().toLowerCase(Locale.ROOT))
                    || u.equals("opensource.org/licenses/" + e.id().toLowerCase(Locale.ROOT))) {
                return Optional.of(e.id());
            }
        }
        return Optional.empty();
    }

    /** Lower case, words only: "The Apache Software License, Version 2.0" is "the apache software license version 2 0". */
    static String normalize(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
    }

    /** "https://www.apache.org/licenses/LICENSE-2.0.txt" is "apache.org/licenses/license-2.0". */
    static String url(String url) {
        return url.toLowerCase(Locale.ROOT).strip()
                .replaceFirst("^[a-z]+://", "")
                .replaceFirst("^www\\.", "")
                .replaceFirst("/+$", "")
                .replaceFirst("\\.(txt|html?|php|md)$", "")
                .replaceFirst("/+$", "");
    }
}
