package org.portkit.port;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.portkit.io.Archives;
import org.portkit.license.LicenseSummary;
import org.portkit.lock.Lock;

/**
 * application spec + lock → the port of a command-line program: the Maven build of any portkit
 * port ({@link PortGenerator#buildFiles}), then the jar under share/java/classes, bin/NAME through
 * javaPathHelper and the manual pages the build wrote. Pure, like {@link PortGenerator}.
 */
public final class AppPortGenerator {
    private AppPortGenerator() {}

    public static GeneratedPort generate(AppSpec app, Lock lock) {
        PortSpec spec = app.build();
        SortedMap<String, String> files = PortGenerator.buildFiles(spec, lock);
        Map<String, Object> model = PortGenerator.buildModel(spec, lock);
        // A site archive unpacks into its top directory, NAME of NAME.tar.gz: DISTNAME makes it WRKSRC.
        model.put("distName", spec.sourceFile() == null ? null : Archives.stem(spec.sourceFile()));
        model.put("mainClass", app.mainClass());
        model.put("manDir", app.manDir());
        model.put("manSections", app.manPages().stream().map(AppPortGenerator::section).distinct().sorted().toList());
        model.put("manPages", app.manPages().stream().sorted()
                .map(p -> Map.of("page", p, "section", section(p))).toList());
        files.put("Makefile", PortGenerator.render("app-Makefile", model));
        files.put("files/" + spec.name() + ".sh", PortGenerator.render("app-launcher", model));
        // A README only when there is something to say: distfiles still unverified, licenses to review.
        boolean readme = !PortGenerator.unverified(spec, lock).isEmpty() || !LicenseSummary.of(lock).isClear();
        if (readme) {
            files.put("pkg/README", PortGenerator.render("app-README", model));
        }
        files.put("pkg/PLIST", plist(app, readme));
        return new GeneratedPort(spec.category() + "/" + spec.name(), files, null, PortGenerator.unverified(spec, lock));
    }

    /** The section of a page NAME.SECTION. */
    private static String section(String page) {
        return page.substring(page.lastIndexOf('.') + 1);
    }

    /** Sorted by path, as 'make update-plist' writes it; a manual page is {@code @man man/manN/PAGE}. */
    private static String plist(AppSpec app, boolean readme) {
        String name = app.build().name();
        SortedMap<String, String> entries = new TreeMap<>();
        entries.put("bin/" + name, "bin/" + name);
        for (String page : app.manPages()) {
            String path = "man/man" + section(page) + "/" + page;
            entries.put(path, "@man " + path);
        }
        if (readme) {
            entries.put("share/doc/pkg-readmes/${PKGSTEM}", "share/doc/pkg-readmes/${PKGSTEM}");
        }
        for (String path : List.of("share/java/", "share/java/classes/", "share/java/classes/" + name + ".jar")) {
            entries.put(path, path);
        }
        StringBuilder p = new StringBuilder();
        entries.values().forEach(line -> p.append(line).append('\n'));
        return p.toString();
    }
}
