package org.portkit.port;

/**
 * What every kind of port says about itself in port.conf, and its Makefile's header carries:
 * CATEGORY/NAME, the one-line comment, version, homepage, maintainer, license, and the
 * description.
 */
public record Header(SpecPaths paths, String category, String name, String comment, String version, String homepage,
        String maintainer, String license, String descr) {

    public static Header parse(SpecFile f) {
        Header h = new Header(f.paths(), f.string("category"), f.string("name"), f.string("comment"), f.string("version"),
                f.string("homepage"), f.string("maintainer"), f.string("license"), f.string("descr"));
        f.require("comment", h.comment.length() <= 60 && !h.comment.endsWith("."), "at most 60 characters, no final period");
        return h;
    }

    /** CATEGORY/NAME, where the port is in the ports tree. */
    public String path() {
        return category + "/" + name;
    }
}
