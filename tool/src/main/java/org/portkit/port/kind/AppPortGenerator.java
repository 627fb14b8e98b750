package org.portkit.port.kind;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.portkit.license.LicenseSummary;
import org.portkit.lock.Lock;
import org.portkit.port.GeneratedPort;
import org.portkit.port.Templates;

/**
 * application spec + lock → the port of a command-line program: the files of every Maven build
 * ({@link BuildFiles}), then the jar under share/java/classes, bin/NAME through javaPathHelper and
 * the manual pages the build wrote. Pure, like every generator.
 */
public final class AppPortGenerator {
    private AppPortGenerator() {}

    static GeneratedPort generate(AppPort app, Lock lock) {
        SortedMap<String, String> files = BuildFiles.of(app.build(), lock);
        Model model = new Model(app, lock);
        files.put("Makefile", Templates.render("app-Makefile", model));
        files.put("files/" + app.header().name() + ".sh", Templates.render("app-launcher", model));
        files.put("pkg/PLIST", plist(app));
        return new GeneratedPort(app.header().path(), files, null, model.unverified());
    }

    /** What the application's templates read: the build's values, and the command's. */
    public record Model(AppPort app, Lock lock, LicenseSummary licenses, List<String> unverified) implements BuildModel {
        Model(AppPort app, Lock lock) {
            this(app, lock, LicenseSummary.of(lock), BuildFiles.unverified(app.build(), lock));
        }

        /** A manual page and its section. */
        public record Page(String page, String section) {}

        @Override
        public MavenBuild build() {
            return app.build();
        }

        public String mainClass() {
            return app.mainClass();
        }

        public String manDir() {
            return app.manDir();
        }

        public List<String> manSections() {
            return app.manPages().stream().map(AppPortGenerator::section).distinct().sorted().toList();
        }

        public List<Page> manPages() {
            return app.manPages().stream().sorted().map(p -> new Page(p, section(p))).toList();
        }
    }

    /** The section of a page NAME.SECTION. */
    private static String section(String page) {
        return page.substring(page.lastIndexOf('.') + 1);
    }

    /** Sorted by path, as 'make update-plist' writes it; a manual page is {@code @man man/manN/PAGE}. */
    private static String plist(AppPort app) {
        String name = app.header().name();
        SortedMap<String, String> entries = new TreeMap<>();
        entries.put("bin/" + name, "bin/" + name);
        for (String page : app.manPages()) {
            String path = "man/man" + section(page) + "/" + page;
            entries.put(path, "@man " + path);
        }
        for (String path : List.of("share/java/", "share/java/classes/", "share/java/classes/" + name + ".jar")) {
            entries.put(path, path);
        }
        StringBuilder p = new StringBuilder();
        entries.values().forEach(line -> p.append(line).append('\n'));
        return p.toString();
    }
}
