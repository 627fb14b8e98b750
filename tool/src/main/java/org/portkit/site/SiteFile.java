package org.portkit.site;

/**
 * One file of a site: its template (a resource of this package, {@code .in}), where it is
 * installed (relative to the host's root), and who may read it. jitsi-setup reads the same list
 * from the meta port's MANIFEST, so that both install the same files the same way.
 *
 * @param pristine the sample the file's own package installs it from (relative to the package
 *     prefix): a target still equal to it was not edited by anyone, so jitsi-setup may replace it;
 *     "-" for none; or, for a file that stays the administrator's, where the snippet's include
 *     line goes: {@link #APPEND} at its end, {@link #INSIDE_HTTP} first in its http block (the
 *     snippet is written whole only where there is no such file)
 * @param role the role a host runs to have this file, or null for every host
 */
public record SiteFile(String template, String target, String mode, String group, String pristine, Topology.Role role) {
    public static final String APPEND = "+";
    public static final String INSIDE_HTTP = "+http";

    public boolean on(Topology.Host host) {
        return role == null || host.runs(role);
    }

    /** A MANIFEST line: {@code TEMPLATE TARGET MODE GROUP PRISTINE}. */
    public String manifestLine() {
        return template + " " + target + " " + mode + " " + group + " " + pristine;
    }
}
