package org.portkit.port;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.portkit.lock.Lock;
import org.portkit.site.SiteTemplates;
import org.portkit.text.Text;

/**
 * meta spec + lock → a meta port: the ports it brings together as RUN_DEPENDS, its archives
 * installed as they are, and jitsi-setup with the site templates (org.portkit.site) that
 * configure them coherently. Pure, like {@link PortGenerator}.
 */
public final class MetaPortGenerator {
    private MetaPortGenerator() {}

    public static GeneratedPort generate(MetaSpec spec, Lock lock) {
        SortedMap<String, String> files = new TreeMap<>();
        SortedMap<String, String> templates = SiteTemplates.shipped();
        List<String> unverified = new ArrayList<>();
        Distinfo distinfo = new Distinfo();
        for (MetaSpec.Distfile d : spec.distfiles()) {
            lock.source(d.name()).ifPresentOrElse(s -> distinfo.add(s.name(), s.sha256(), s.size()),
                    () -> unverified.add(d.name()));
        }
        Map<String, Object> model = model(spec, templates.keySet(), unverified);
        files.put("Makefile", PortGenerator.render("meta-Makefile", model));
        files.put("distinfo", distinfo.render());
        files.put("pkg/DESCR", Text.wrap(spec.descr(), 80));
        files.put("pkg/PLIST", plist(spec, templates.keySet()));
        files.put("pkg/README", PortGenerator.render("meta-README", model));
        files.put("files/jitsi-setup", SiteTemplates.setupScript());
        templates.forEach((name, text) -> files.put("files/templates/" + name, text));
        return new GeneratedPort(spec.category() + "/" + spec.name(), files, null, List.copyOf(unverified));
    }

    private static Map<String, Object> model(MetaSpec spec, java.util.Set<String> templates, List<String> unverified) {
        Map<String, Object> m = new HashMap<>();
        m.put("comment", spec.comment());
        m.put("version", spec.version());
        m.put("port", spec.name());
        m.put("category", spec.category());
        m.put("homepage", spec.homepage());
        m.put("maintainer", spec.maintainer());
        m.put("license", spec.license());
        m.put("tuples", spec.distfiles().stream().filter(d -> d.tuple() != null).map(MetaSpec.Distfile::tuple).toList());
        m.put("sites", spec.distfiles().stream().filter(d -> d.tuple() == null)
                .map(d -> Map.of("id", d.id(), "site", d.site(), "file", d.file())).toList());
        // One dependency per line keeps the Makefile within 80 columns.
        m.put("runDepends", String.join(" \\\n\t\t", spec.runDepends()));
        m.put("installs", spec.distfiles().stream().map(d -> Map.of("from", d.from(), "to", d.to())).toList());
        m.put("templates", List.copyOf(templates));
        m.put("unverified", unverified);
        m.put("hasUnverified", !unverified.isEmpty());
        return m;
    }

    /**
     * Its own files. The archives' trees cannot be listed before they are fetched: the PLIST says
     * so, and 'make update-plist' on a machine that has them adds their files.
     */
    private static String plist(MetaSpec spec, java.util.Set<String> templates) {
        SortedMap<String, String> entries = new TreeMap<>();
        entries.put("sbin/jitsi-setup", "");
        entries.put("share/doc/pkg-readmes/${PKGSTEM}", "");
        entries.put("share/" + spec.name() + "/", "");
        templates.forEach(t -> entries.put("share/" + spec.name() + "/" + t, ""));
        for (MetaSpec.Distfile d : spec.distfiles()) {
            String dir = d.to().endsWith("/") ? d.to() : d.to() + "/";
            // share/ itself belongs to the base hierarchy, not to the package
            for (int slash = dir.indexOf('/', dir.indexOf('/') + 1); slash >= 0; slash = dir.indexOf('/', slash + 1)) {
                entries.put(dir.substring(0, slash + 1), "");
            }
        }
        StringBuilder p = new StringBuilder();
        if (!spec.distfiles().isEmpty()) {
            String note = "The files of " + String.join(" and ", spec.distfiles().stream().map(MetaSpec.Distfile::to).toList())
                    + " come from their archives: 'make update-plist' lists them once the distfiles are fetched.";
            p.append(Text.fill(List.of(note.split(" ")), "@comment ", 80));
        }
        entries.keySet().forEach(e -> p.append(e).append('\n'));
        return p.toString();
    }
}
