package io.github.ucmaworkbench.trace.ladder;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The ladder's columns: who each arrow end is (a party of this process, or an outside address that
 * may turn out to be one), and their left-to-right order. Worked out lazily from the distinct
 * arrow ends ({@link ColumnEnds}), and again only when an added arrow could change them.
 * Not thread-safe: the model's thread only.
 */
final class LadderColumns {
    private final ColumnEnds ends;
    private final Map<String, String> partyByAddress = new HashMap<>();
    private final Set<String> parties = new HashSet<>();
    private List<String> preferredOrder = List.of();
    private List<LadderColumn> columns;
    private Map<String, LadderColumn> columnById;
    private Set<String> registerTargets = Set.of();
    private boolean groupByCaller;

    LadderColumns(ColumnEnds ends) {
        this.ends = ends;
    }

    /** A record of {@code party} came in, heard on {@code localAddress}. */
    void sawParty(String party, String localAddress) {
        if (parties.add(party)) {
            invalidate(); // a column known by address may turn out to be this party
        }
        learnAddress(localAddress, party);
    }

    void learnAddress(String address, String party) {
        if (address != null && !address.isEmpty() && partyByAddress.putIfAbsent(address, party) == null
                && columnById != null && columnById.containsKey(address)) {
            invalidate(); // that address column is this party
        }
    }

    /**
     * Columns are recomputed over every arrow end only when one could have changed: an arrow names
     * a column not yet there, a pairing moved an arrow's end, or a REGISTER makes an outside peer
     * the registrar. A steady stream between known parties never triggers it.
     */
    void keepIfStillRight(LadderArrow arrow, String oldFrom, String oldTo) {
        if (columnById == null) {
            return;
        }
        String from = senderId(arrow);
        String to = receiverId(arrow);
        boolean moved = oldFrom != null && (!oldFrom.equals(from) || !oldTo.equals(to));
        boolean newRegistrar = arrow.isRequest() && "REGISTER".equals(arrow.method()) && !registerTargets.contains(to);
        if (moved || newRegistrar || !columnById.containsKey(from) || !columnById.containsKey(to)) {
            invalidate();
        }
    }

    /** Forgets the parties and addresses; the pinned order and the grouping stay. */
    void clear() {
        partyByAddress.clear();
        parties.clear();
        invalidate();
    }

    void setPreferredOrder(List<String> parties) {
        preferredOrder = List.copyOf(parties);
        invalidate();
    }

    void setGroupByCaller(boolean grouped) {
        if (grouped != groupByCaller) {
            groupByCaller = grouped;
            invalidate();
        }
    }

    boolean isGroupByCaller() {
        return groupByCaller;
    }

    List<LadderColumn> list() {
        if (columns == null) {
            compute();
        }
        return columns;
    }

    LadderColumn from(LadderArrow arrow) {
        list();
        return columnById.get(senderId(arrow));
    }

    LadderColumn to(LadderArrow arrow) {
        list();
        return columnById.get(receiverId(arrow));
    }

    String senderId(LadderArrow arrow) {
        return columnId(arrow.senderParty, arrow.senderAddress);
    }

    String receiverId(LadderArrow arrow) {
        return columnId(arrow.receiverParty, arrow.receiverAddress);
    }

    static String normalise(String address) {
        return address == null ? "" : address.trim().toLowerCase(Locale.ROOT);
    }

    private void invalidate() {
        columns = null;
        columnById = null;
    }

    private String columnId(String party, String address) {
        if (party != null) {
            return party;
        }
        String known = partyByAddress.get(address);
        if (known != null) {
            return known;
        }
        // "localhost:5060" and "127.0.0.1:5060" are the same listener to a reader
        if (address.startsWith("localhost:")) {
            known = partyByAddress.get("127.0.0.1" + address.substring(9));
        }
        return known != null ? known : address;
    }

    /**
     * Over the distinct arrow ends ({@link ColumnEnds}) in order of first use, not over every
     * arrow: a click during a classroom burst recomputed 50,000 arrows on the event thread.
     */
    private void compute() {
        Map<String, Integer> firstSeen = new LinkedHashMap<>();
        Set<String> registerTargets = new HashSet<>();
        this.registerTargets = registerTargets;
        for (String pinned : preferredOrder) {
            firstSeen.putIfAbsent(pinned, firstSeen.size()); // heads over an empty ladder say who is who
        }
        for (ColumnEnds.End end : ends.inOrderOfFirstUse()) {
            firstSeen.putIfAbsent(columnId(end.party(), end.address()), firstSeen.size());
        }
        for (ColumnEnds.End end : ends.registerTargets()) {
            registerTargets.add(columnId(end.party(), end.address()));
        }
        List<String> ids = new ArrayList<>(firstSeen.keySet());
        ids.sort(Comparator.comparingDouble((String id) -> rank(id, registerTargets)).thenComparing(firstSeen::get));
        List<LadderColumn> result = new ArrayList<>(ids.size());
        Map<String, LadderColumn> byId = new HashMap<>();
        LadderColumn callers = null;
        for (String id : ids) {
            LadderColumn.Kind kind = kindOf(id, registerTargets);
            if (groupByCaller && kind != LadderColumn.Kind.REGISTRAR && !preferredOrder.contains(id)) {
                if (callers == null) {
                    callers = new LadderColumn(LadderModel.CALLERS, LadderColumn.Kind.CALLERS, result.size());
                    result.add(callers);
                }
                byId.put(id, callers);
                continue;
            }
            LadderColumn column = new LadderColumn(id, kind, result.size());
            result.add(column);
            byId.put(id, column);
        }
        columns = Collections.unmodifiableList(result);
        columnById = byId;
    }

    /** Client, then the registrar (ours or an outside one), then the server, then anyone else. */
    private double rank(String id, Set<String> registerTargets) {
        int pinned = preferredOrder.indexOf(id);
        if (pinned >= 0) {
            return -1000 + pinned;
        }
        String lower = id.toLowerCase(Locale.ROOT);
        if (!parties.contains(id)) {
            return registerTargets.contains(id) ? 1 : 3;
        }
        if ("registrar".equals(id)) {
            return 1;
        }
        if (lower.contains("client")) {
            return 0;
        }
        return lower.contains("server") ? 2 : 2.5;
    }

    private LadderColumn.Kind kindOf(String id, Set<String> registerTargets) {
        if ("registrar".equals(id)) {
            return LadderColumn.Kind.REGISTRAR;
        }
        if (parties.contains(id) || (preferredOrder.contains(id) && id.matches("(?i)sips?:.*"))) {
            return LadderColumn.Kind.ENDPOINT;
        }
        // an outside server our endpoints sign in to (Kamailio, Asterisk) plays the registrar's part
        return registerTargets.contains(id) ? LadderColumn.Kind.REGISTRAR : LadderColumn.Kind.EXTERNAL;
    }
}
