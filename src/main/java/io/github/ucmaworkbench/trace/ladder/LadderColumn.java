package io.github.ucmaworkbench.trace.ladder;

/**
 * One vertical line of the ladder: a party of this process (an endpoint's URI, the registrar) or
 * a peer outside it, known only by its address.
 *
 * @param id    the party name, or {@code host:port} for a peer outside the process
 * @param kind  what the column stands for
 * @param index left-to-right position, from 0
 */
public record LadderColumn(String id, Kind kind, int index) {
    /**
     * An endpoint of this process; the registrar (ours, id {@code registrar}, or an outside server
     * the endpoints REGISTER with, id {@code host:port}); any other peer outside the process; all
     * the callers together when the ladder is grouped by caller.
     */
    public enum Kind { ENDPOINT, REGISTRAR, EXTERNAL, CALLERS }

    /** Whether the column is a peer outside this process, known only by its address. */
    public boolean isOutside() {
        return kind == Kind.EXTERNAL || (kind == Kind.REGISTRAR && !"registrar".equals(id));
    }

    /** A short title for the column head: the user part of an endpoint URI, else the id. */
    public String title() {
        if (kind == Kind.ENDPOINT) {
            String s = id.startsWith("sips:") ? id.substring(5) : id.startsWith("sip:") ? id.substring(4) : id;
            int at = s.indexOf('@');
            return at > 0 ? s.substring(0, at) : s;
        }
        return id;
    }
}
