package org.portkit.port.kind;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.portkit.lock.Lock;
import org.portkit.port.Distinfo;
import org.portkit.port.GeneratedPort;
import org.portkit.port.Templates;
import org.portkit.text.Text;

/**
 * meta spec + lock → a meta port: the ports it brings together as RUN_DEPENDS, its archives
 * installed as they are, and jitsi-setup with the templates of its setup {@link Bundle} that
 * configure them coherently. Pure, like {@link DaemonPortGenerator}.
 */
public final class MetaPortGenerator {
    private MetaPortGenerator() {}

    static GeneratedPort generate(MetaPort spec, Lock lock) {
        SortedMap<String, String> files = new TreeMap<>();
        SortedMap<String, String> templates = spec.setup().templates();
        List<String> unverified = new ArrayList<>();
        Distinfo distinfo = new Distinfo();
        for (MetaPort.Distfile d : spec.distfiles()) {
            lock.source(d.name()).ifPresentOrElse(s -> distinfo.add(s.name(), s.sha256(), s.size()),
                    () -> unverified.add(d.name()));
        }
        Model model = new Model(spec, List.copyOf(templates.keySet()), unverified);
        files.put("Makefile", Templates.render("meta-Makefile", model));
        files.put("distinfo", distinfo.render());
        files.put("pkg/DESCR", Text.wrap(spec.header().descr(), 80));
        files.put("pkg/PLIST", plist(spec, templates.keySet()));
        files.put("pkg/README", Templates.render("meta-README", model));
        files.put("files/jitsi-setup", spec.setup().setupScript());
        templates.forEach((name, text) -> files.put("files/templates/" + name, text));
        return new GeneratedPort(spec.header().path(), files, null, List.copyOf(unverified));
    }

    /**
     * What the meta port's templates (meta-Makefile, meta-README) read: one accessor per template
     * variable, named as the templates name it.
     *
     * @param templates the setup bundle's templates, installed under share/NAME
     */
    public record Model(MetaPort spec, List<String> templates, List<String> unverified) {
        public String comment() {
            return spec.header().comment();
        }

        public String version() {
            return spec.header().version();
        }

        public String port() {
            return spec.header().name();
        }

        public String category() {
            return spec.header().category();
        }

        public String homepage() {
            return spec.header().homepage();
        }

        public String maintainer() {
            return spec.header().maintainer();
        }

        public String licenseHead() {
            return BuildFiles.licenseHead(spec.header(), "");
        }

        public String permitPackage() {
            return BuildFiles.permitPackage(spec.header());
        }

        /** The github archives, as DIST_TUPLE lines. */
        public List<String> tuples() {
            return spec.distfiles().stream().filter(d -> d.tuple() != null).map(MetaPort.Distfile::tuple).toList();
        }

        /** The archives from a site, each read by its id, site and file. */
        public List<MetaPort.Distfile> sites() {
            return spec.distfiles().stream().filter(d -> d.tuple() == null).toList();
        }

        /** One dependency per line keeps the Makefile within 80 columns. */
        public String runDepends() {
            return String.join(" \\\n\t\t", spec.runDepends());
        }

        /** Every archive, each read by where it is installed from and to. */
        public List<MetaPort.Distfile> installs() {
            return spec.distfiles();
        }

        public boolean hasUnverified() {
            return !unverified.isEmpty();
        }

        /** For porters, in the Makefile: pkg/README is for whoever installs the package. */
        public String unverifiedNote() {
            return BuildFiles.unverifiedNote(unverified.size(), spec.header().path(), false);
        }
    }

    /**
     * Its own files. The archives' trees cannot be listed before they are fetched: the PLIST says
     * so, and 'make update-plist' on a machine that has them adds their files.
     */
    private static String plist(MetaPort spec, java.util.Set<String> templates) {
        SortedMap<String, String> entries = new TreeMap<>();
        entries.put("sbin/jitsi-setup", "");
        entries.put("share/doc/pkg-readmes/${PKGSTEM}", "");
        entries.put("share/" + spec.header().name() + "/", "");
        templates.forEach(t -> entries.put("share/" + spec.header().name() + "/" + t, ""));
        for (MetaPort.Distfile d : spec.distfiles()) {
            String dir = d.to().endsWith("/") ? d.to() : d.to() + "/";
            // share/ itself belongs to the base hierarchy, not to the package
            for (int slash = dir.indexOf('/', dir.indexOf('/') + 1); slash >= 0; slash = dir.indexOf('/', slash + 1)) {
                entries.put(dir.substring(0, slash + 1), "");
            }
        }
        StringBuilder p = new StringBuilder();
        if (!spec.distfiles().isEmpty()) {
            String note = "The files of " + String.join(" and ", spec.distfiles().stream().map(MetaPort.Distfile::to).toList())
                    + " come from their archives: 'make update-plist' lists them once the distfiles are fetched.";
            p.append(Text.fill(List.of(note.split(" ")), "@comment ", 80));
        }
        entries.keySet().forEach(e -> p.append(e).append('\n'));
        return p.toString();
    }
}
