package org.portkit.port;

/**
 * A github DIST_TUPLE ({@code github ACCOUNT PROJECT ID DIR}): the archive bsd.port.mk fetches
 * for it, and the name it keeps it under.
 */
public record DistTuple(String account, String project, String id, String dir) {
    /** SITES.github in infrastructure/db/dist-tuple.pattern. */
    public static final String SITE = "https://github.com/";

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

    /** Where the archive is fetched from: {@link #SITE} and {@link #path()}. */
    public String url() {
        return SITE + path();
    }

    /**
     * The archive's path under {@code SITES.github}, which is also what portroach watches (ROACH_URL). A
     * hex id of 10 to 40 digits is a commit, anything else a tag, as dist-tuple.port.mk reads it.
     */
    public String path() {
        return account + "/" + project + "/archive/" + (isCommit() ? "" : "refs/tags/") + id + ".tar.gz";
    }

    /**
     * The directory the archive unpacks into, which bsd.port.mk takes as WRKDIST: PROJECT-ID, a tag's
     * leading v, ver or release before its number dropped (GitHub drops it too).
     */
    public String wrkdist() {
        return project + "-" + (isCommit() ? id : id.replaceFirst("^(v|V|ver|[Rr]el|[Rr]elease)[-._]?([0-9])", "$2"));
    }

    private boolean isCommit() {
        return id.matches("[0-9a-f]{10,40}");
    }
}
