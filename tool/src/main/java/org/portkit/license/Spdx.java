package org.portkit.license;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.portkit.lock.License;

/**
 * POM license declarations ({@code <name>} and {@code <url>}) to SPDX identifiers through the SPDX
 * License List ({@link SpdxList}, the SPDX project's library): a name is the same license when its
 * words are those of a listed license's id or name, a URL when it is one of the license's reference
 * URLs (seeAlso), or spdx.org's or opensource.org's page for its id. The name is tried first, because
 * "GPL2 w/ CPE" says more than the exception's URL it points to; "X with Y" is the license X with
 * the exception Y (Y by name, or the URL by an exception's reference URLs). A deprecated id stands for
 * the current license of the same name ("GPL-2.0" is GPL-2.0-only). What POMs say that the list does
 * not ("The Apache Software License", "Modified BSD", "CPE", ASM's license page) is in
 * {@code pom-wording.txt} beside this class, each line naming an id on the list.
 *
 * <p>Ambiguous declarations stay UNKNOWN with their words: words or a URL that two listed licenses
 * share ("The BSD License", plain "LGPL", the GNU page that both GPL-2.0-only and -or-later cite),
 * licenses the list does not have ("Bouncy Castle Licence"). Public domain, which SPDX has no id
 * for, is {@code LicenseRef-Public-Domain}.
 */
public final class Spdx {
    /** One {@code <license>} element of a POM. */
    public record Declared(String name, String url) {}

    public static final String PUBLIC_DOMAIN = "LicenseRef-Public-Domain";

    /** Words that make an undeclared or unrecognized license not free, whatever else it says. */
    private static final Pattern NON_FREE = Pattern.compile(
            "commercial|proprietary|all rights reserved|non[- ]?commercial|\\bcc[- ]by(-sa)?-nc|\\bbusl\\b|\\bsspl\\b");

    /** Words that do not tell licenses apart: "The Apache License, Version 2.0" is "apache 2". */
    private static final Set<String> FILLER = Set.of("the", "license", "version", "v", "only", "any");

    /** Keys to ids; a key that two ids claim names neither. */
    private static final class Keys {
        private final SortedMap<String, String> ids = new TreeMap<>();
        private final Set<String> ambiguous = new TreeSet<>();

        void put(String key, String id) {
            if (key.isEmpty() || ambiguous.contains(key)) {
                return;
            }
            String before = ids.putIfAbsent(key, id);
            if (before != null && !before.equals(id)) {
                ids.remove(key);
                ambiguous.add(key);
            }
        }

        Optional<String> get(String key) {
            return Optional.ofNullable(ids.get(key));
        }
    }

    /** Everything a declaration is looked up in: the list's ids, words and URLs, and pom-wording.txt. */
    record Index(SortedMap<String, String> ids, Keys licenseWords, Keys licenseUrls, Keys exceptionWords, Keys exceptionUrls) {}

    private static final class Holder {
        static final Index INDEX = index(SpdxList.all());
    }

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
            byName(name, url).or(() -> byUrl(url)).ifPresentOrElse(ids::add, () -> ids.add(null));
        }
        if (ids.contains(null)) {
            return License.unknown(String.join("; ", words));
        }
        return License.spdx(String.join(" OR ", ids));
    }

    /**
     * Whether an expression is free: some alternative's license (an exception only adds permissions)
     * is approved by the OSI or free by the FSF's definition, as the SPDX list flags it, or is public
     * domain. An id the list does not have is not vouched for.
     */
    public static boolean isFree(String expression) {
        for (String alternative : expression.split(" OR ")) {
            String id = alternative.replaceFirst(" WITH .*", "");
            if (id.equals(PUBLIC_DOMAIN) || SpdxList.approved(id)) {
                return true;
            }
        }
        return false;
    }

    /** Whether words portkit could not identify say the license is not free ("Commercial", "Proprietary", ...). */
    public static boolean soundsNonFree(String words) {
        return NON_FREE.matcher(words.toLowerCase(Locale.ROOT)).find();
    }

    /** By the name: an id as it is, else the words of the name, with and without what it has in parentheses. */
    static Optional<String> byName(String name, String url) {
        Index index = Holder.INDEX;
        String id = index.ids().get(name.toLowerCase(Locale.ROOT));
        if (id != null) {
            return Optional.of(id);
        }
        // "The MIT License (MIT)", "CDDL (CDDL) Version 1.0" without it; "The (New) BSD License" with it
        Set<String> candidates = new LinkedHashSet<>(List.of(words(name.replaceAll("\\([^)]*\\)", " ")), words(name)));
        for (String words : candidates) {
            List<String> w = List.of(words.split(" "));
            int with = w.indexOf("with");
            if (with > 0) {
                Optional<String> license = index.licenseWords().get(String.join(" ", w.subList(0, with)));
                Optional<String> exception = index.exceptionWords().get(String.join(" ", w.subList(with + 1, w.size())))
                        .or(() -> index.exceptionUrls().get(url(url)));
                if (license.isPresent() && exception.isPresent()) {
                    return Optional.of(license.get() + " WITH " + exception.get());
                }
            }
            Optional<String> license = index.licenseWords().get(words);
            if (license.isPresent()) {
                return license;
            }
        }
        return Optional.empty();
    }

    static Optional<String> byUrl(String url) {
        String u = url(url);
        if (u.isEmpty()) {
            return Optional.empty();
        }
        Index index = Holder.INDEX;
        return index.licenseUrls().get(u).or(() -> {
            // spdx.org/licenses/ID and opensource.org/licenses/ID name the license by its id
            for (String site : List.of("spdx.org/licenses/", "opensource.org/licenses/")) {
                if (u.startsWith(site)) {
                    return Optional.ofNullable(index.ids().get(u.substring(site.length())));
                }
            }
            return Optional.empty();
        });
    }

    static Index index(SpdxList.Listed list) {
        // A deprecated id names the current license of the same name; one without such a successor
        // (GPL-2.0-with-classpath-exception) is left to the "X with Y" reading of its name.
        Keys current = new Keys();
        list.licenses().values().stream().filter(e -> !e.deprecated()).forEach(e -> current.put(e.name(), e.id()));
        Index index = new Index(new TreeMap<>(), new Keys(), new Keys(), new Keys(), new Keys());
        for (SpdxList.Entry e : list.licenses().values()) {
            Optional<String> id = e.deprecated() ? current.get(e.name()) : Optional.of(e.id());
            id.ifPresent(i -> {
                index.ids().put(e.id().toLowerCase(Locale.ROOT), i);
                index.licenseWords().put(words(e.id()), i);
                index.licenseWords().put(words(e.name()), i);
                e.seeAlso().forEach(u -> index.licenseUrls().put(url(u), i));
            });
        }
        for (SpdxList.Entry e : list.exceptions().values()) {
            index.exceptionWords().put(words(e.id()), e.id());
            index.exceptionWords().put(words(e.name()), e.id());
            e.seeAlso().forEach(u -> index.exceptionUrls().put(url(u), e.id()));
        }
        readWording(list, index);
        return index;
    }

    /** pom-wording.txt: "name ID WORDS..." and "url ID URL" lines, comments after #. */
    private static void readWording(SpdxList.Listed list, Index index) {
        try (InputStream in = Spdx.class.getResourceAsStream("pom-wording.txt");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            int n = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(" ", 3);
                boolean exception = f.length == 3 && list.exceptions().containsKey(f[1]);
                if (f.length < 3 || !exception && !list.licenses().containsKey(f[1]) && !f[1].equals(PUBLIC_DOMAIN)
                        || !f[0].equals("name") && !f[0].equals("url")) {
                    throw new IllegalStateException("pom-wording.txt line " + n + ": not 'name|url ID TEXT' with an id"
                            + " of the SPDX license list " + list.version() + ": " + line);
                }
                Keys keys = f[0].equals("name") ? exception ? index.exceptionWords() : index.licenseWords()
                        : exception ? index.exceptionUrls() : index.licenseUrls();
                keys.put(f[0].equals("name") ? words(f[2]) : url(f[2]), f[1]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What tells licenses apart in a name: lower-case words, "licence" as "license", letters and
     * digits split ("GPLv2" is "gpl 2"), a version's last ".0" dropped, "+" as "or later", "w/" as
     * "with", filler words left out. "The Apache Software License, Version 2.0" is "apache software 2".
     */
    static String words(String name) {
        String s = name.toLowerCase(Locale.ROOT).replace("licence", "license").replace("+", " or later ")
                .replace("w/", " with ").replaceAll("(?<=[a-z])(?=[0-9])|(?<=[0-9])(?=[a-z])", " ");
        List<String> all = List.of(s.split("[^a-z0-9]+"));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            String w = all.get(i);
            boolean lastZero = w.equals("0") && !out.isEmpty() && out.get(out.size() - 1).matches("[0-9]+")
                    && (i + 1 == all.size() || !all.get(i + 1).matches("[0-9]+"));
            if (!w.isEmpty() && !FILLER.contains(w) && !lastZero) {
                out.add(w);
            }
        }
        return String.join(" ", out);
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
