package org.portkit.port;

import java.util.Set;

/**
 * What every kind of port says about itself in port.conf, and its Makefile's header carries:
 * CATEGORY/NAME, the one-line comment, version, homepage, maintainer, license, and the
 * description.
 */
public record Header(SpecPaths paths, String category, String name, String comment, String version, String homepage,
        String maintainer, String license, String descr) {

    /** The keys of port.conf a header is read from. */
    public static final Set<String> KEYS = Set.of("kind", "category", "name", "comment", "version", "homepage",
            "maintainer", "license", "descr");

    /** The header in {@code f}; category, name and version become paths (ports/CATEGORY/NAME, distfiles). */
    public static Header parse(SpecFile f) {
        Header h = new Header(f.paths(), f.name("category"), f.name("name"), f.string("comment"), f.name("version"),
                f.string("homepage"), f.string("maintainer"), f.string("license"), f.string("descr"));
        f.require("comment", h.comment.length() <= 60 && !h.comment.endsWith("."), "at most 60 characters, no final period");
        return h;
    }

    /**
     * port.conf's {@code license} when the source declares none (no LICENSE file, no {@code <licenses>}
     * in its POMs): a port never claims a license its source does not.
     */
    public static final String UNDECLARED = "none";

    public boolean licenseDeclared() {
        return !license.equals(UNDECLARED);
    }

    /** CATEGORY/NAME, where the port is in the ports tree. */
    public String path() {
        return category + "/" + name;
    }
}
