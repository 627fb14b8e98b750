package org.portkit.port;

/**
 * A github DIST_TUPLE ({@code github ACCOUNT PROJECT ID DIR}): the archive bsd.port.mk fetches
 * for it, and the name it keeps it under.
 */
public record DistTuple(String account, String project, String id, String dir) {

    public static DistTuple parse(String tuple) {
        String[] t = tuple.split(" ");
        if (t.length != 5 || !t[0].equals("github")) {
            throw new IllegalArgumentException("five words: github ACCOUNT PROJECT ID DIR");
        }
        return new DistTuple(t[1], t[2], t[3], t[4]);
    }

    /** The local distfile name: ACCOUNT-PROJECT-ID.tar.gz. */
    public String distfile() {
        return account + "-" + project + "-" + id + ".tar.gz";
    }

    /** A 40-hex id is a commit, anything else a tag, as bsd.port.mk reads it. */
    public String url() {
        String ref = id.matches("[0-9a-f]{40}") ? id : "refs/tags/" + id;
        return "https://github.com/" + account + "/" + project + "/archive/" + ref + ".tar.gz";
    }
}
