package io.github.ucmaworkbench.trace.ladder;

import io.github.ucmaworkbench.trace.Direction;
import io.github.ucmaworkbench.trace.SipTraceEvent;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ladder diagram as data: trace events in, one arrow per message and one column per party out.
 * Not thread-safe: one thread owns it (the view's is the event thread).
 *
 * <p>A message between two parties of this process is traced twice, SENT by one and RECEIVED by
 * the other; the two records become one arrow. They match on start line, Call-ID, CSeq and the
 * topmost Via branch, which together name one hop of one transaction; only a retransmission
 * repeats all four, and it then pairs with the next record of the opposite direction.
 *
 * <p>Arrows are ordered by the first record seen of each. That order is causal: a party cannot
 * forward or answer a message before its own stack traced receiving it. The timestamps are not
 * always in that order (two stacks stamp independently), which is why they do not decide it.
 *
 * <p>Who is at the other end: a request goes to the address it was sent to and comes from its
 * topmost Via's sent-by; a response goes back to the topmost Via and comes from the address the
 * request was sent to. These are listening addresses even over TCP, where the socket's own port
 * is an ephemeral one, so they map onto the parties' listening points learned from the trace.
 */
public final class LadderModel {
    /** The id of the one column every other party shares when grouped by caller. */
    public static final String CALLERS = "callers";

    private final List<LadderArrow> arrows = new ArrayList<>();
    private final List<SipTraceEvent> events = new ArrayList<>();
    /** The arrow of each event, index for index: with {@link #events} in sequence order, a lookup by sequence needs no map of boxed keys. */
    private final List<LadderArrow> eventArrows = new ArrayList<>();
    /** False once an event came in out of sequence order (tests may); lookups by sequence then walk. */
    private boolean inSequenceOrder = true;
    private final Map<HopKey, Hop> hops = new HashMap<>();
    private final Map<String, Integer> partyBits = new HashMap<>();
    private final ColumnEnds ends = new ColumnEnds(arrows);
    private final Map<String, LadderCall> calls = new HashMap<>();
    /** Callers in order of first appearance: the groups' order. */
    private final Map<String, Integer> callerGroups = new LinkedHashMap<>();
    private final Map<String, List<LadderArrow>> transactions = new HashMap<>();
    private final LadderColumns columns = new LadderColumns(ends);
    private Instant origin;

    /** The pairing key; the start line and Call-ID are the record's own strings, not copies. */
    private record HopKey(String firstLine, String callId, String cseqAndBranch) {
    }

    /**
     * One hop of one transaction (the pairing key): its arrows still waiting for their other
     * record, and which sides (party and direction) were traced. One per message, where a set of
     * key strings per record held a classroom burst's worth of long strings.
     */
    private static final class Hop {
        private Deque<LadderArrow> open;
        /** Bit 2 * party + (received ? 1 : 0), for the first 32 parties. */
        private long sides;
        private Set<String> moreSides;
    }

    /** Adds one event; returns the arrow it made or completed. */
    public LadderArrow add(SipTraceEvent event) {
        if (!events.isEmpty() && event.sequence() <= events.get(events.size() - 1).sequence()) {
            inSequenceOrder = false;
        }
        events.add(event);
        if (origin == null || event.time().isBefore(origin)) {
            origin = event.time();
        }
        columns.sawParty(event.party(), LadderColumns.normalise(event.local()));
        SipText.Via via = SipText.topVia(event.rawText());
        if (via != null && event.direction() == Direction.SENT && event.isRequest()) {
            columns.learnAddress(via.sentBy(), event.party());
        }
        String cseq = SipText.cseq(event.rawText());
        HopKey key = new HopKey(event.firstLine(), event.callId(), cseq + '|'
                + (via == null ? "" : via.branch() != null ? via.branch() : via.sentBy()));
        String peer = peerAddress(event, via);

        Hop hop = hops.computeIfAbsent(key, k -> new Hop());
        LadderArrow arrow = takeOpen(hop, event);
        String oldFrom = null;
        String oldTo = null;
        ColumnEnds.End oldFromEnd = null;
        ColumnEnds.End oldToEnd = null;
        if (arrow == null) {
            boolean retransmission = seen(hop, event);
            arrow = new LadderArrow(arrows.size(), call(event), retransmission, event);
            arrows.add(arrow);
            transactions.computeIfAbsent(transactionKey(event, cseq), k -> new ArrayList<>()).add(arrow);
            if (hop.open == null) {
                hop.open = new ArrayDeque<>(1);
            }
            hop.open.addLast(arrow);
        } else {
            event = sharingText(arrow, event);
            arrow.attach(event);
            oldFrom = columns.senderId(arrow);
            oldTo = columns.receiverId(arrow);
            oldFromEnd = ColumnEnds.from(arrow);
            oldToEnd = ColumnEnds.to(arrow);
        }
        events.set(events.size() - 1, event);
        eventArrows.add(arrow);
        see(hop, event);
        if (event.direction() == Direction.SENT) {
            arrow.senderParty = event.party();
            arrow.senderAddress = LadderColumns.normalise(event.local());
            if (arrow.receiverParty == null) {
                arrow.receiverAddress = peer;
            }
        } else {
            arrow.receiverParty = event.party();
            arrow.receiverAddress = LadderColumns.normalise(event.local());
            if (arrow.senderParty == null) {
                arrow.senderAddress = peer;
            }
        }
        if (oldFromEnd == null) {
            ends.added(arrow);
        } else {
            ends.moved(arrow, oldFromEnd, oldToEnd);
        }
        columns.keepIfStillRight(arrow, oldFrom, oldTo);
        return arrow;
    }

    /**
     * The receiver's record of a message between two of our parties is most often the sender's
     * text byte for byte: keep one copy of it (the text is most of what the ladder holds).
     */
    private static SipTraceEvent sharingText(LadderArrow arrow, SipTraceEvent event) {
        SipTraceEvent other = arrow.primary();
        if (other.rawText() == event.rawText() || !other.rawText().equals(event.rawText())) {
            return event;
        }
        return new SipTraceEvent(event.sequence(), event.time(), event.party(), event.direction(), event.local(),
                event.remote(), event.transport(), other.firstLine(), other.callId(), other.method(), event.statusCode(),
                other.rawText());
    }

    private boolean seen(Hop hop, SipTraceEvent event) {
        int bit = sideBit(event);
        return bit < 64 ? (hop.sides & (1L << bit)) != 0 : hop.moreSides != null && hop.moreSides.contains(side(event));
    }

    private void see(Hop hop, SipTraceEvent event) {
        int bit = sideBit(event);
        if (bit < 64) {
            hop.sides |= 1L << bit;
        } else {
            if (hop.moreSides == null) {
                hop.moreSides = new HashSet<>();
            }
            hop.moreSides.add(side(event));
        }
    }

    private int sideBit(SipTraceEvent event) {
        int party = partyBits.computeIfAbsent(event.party(), p -> partyBits.size());
        return 2 * party + (event.direction() == Direction.RECEIVED ? 1 : 0);
    }

    public void addAll(Collection<SipTraceEvent> batch) {
        for (SipTraceEvent event : batch) {
            add(event);
        }
    }

    /** Forgets everything except the preferred column order and the grouping. */
    public void clear() {
        arrows.clear();
        events.clear();
        eventArrows.clear();
        inSequenceOrder = true;
        hops.clear();
        partyBits.clear();
        ends.clear();
        calls.clear();
        callerGroups.clear();
        transactions.clear();
        origin = null;
        columns.clear();
    }

    /**
     * Pins the left-to-right order of these parties (endpoint URIs, {@code registrar}, or
     * {@code host:port} of an outside server); unnamed columns follow the default order.
     */
    public void setColumnOrder(List<String> parties) {
        columns.setPreferredOrder(parties);
    }

    public int size() {
        return arrows.size();
    }

    public LadderArrow arrow(int index) {
        return arrows.get(index);
    }

    /** Every arrow, in ladder order (read-only view). */
    public List<LadderArrow> arrows() {
        return Collections.unmodifiableList(arrows);
    }

    /** Every event added, in the order added (the trace's sequence order). */
    public List<SipTraceEvent> events() {
        return Collections.unmodifiableList(events);
    }

    /** The arrow holding the record with this trace sequence number, or null. */
    public LadderArrow arrowOfSequence(long sequence) {
        if (inSequenceOrder) {
            int low = 0;
            int high = events.size() - 1;
            while (low <= high) {
                int middle = (low + high) >>> 1;
                long found = events.get(middle).sequence();
                if (found == sequence) {
                    return eventArrows.get(middle);
                }
                if (found < sequence) {
                    low = middle + 1;
                } else {
                    high = middle - 1;
                }
            }
            return null;
        }
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).sequence() == sequence) {
                return eventArrows.get(i);
            }
        }
        return null;
    }

    /** The earliest time seen: time offsets count from here. Null while empty. */
    public Instant origin() {
        return origin;
    }

    /** Milliseconds from {@link #origin()} to the arrow. */
    public long offsetMillis(LadderArrow arrow) {
        return origin == null ? 0 : arrow.time().toEpochMilli() - origin.toEpochMilli();
    }

    /**
     * The messages of the arrow's transaction on every hop, itself included, in ladder order:
     * same Call-ID and CSeq, with an ACK counted in the INVITE it acknowledges.
     */
    public List<LadderArrow> sameTransaction(LadderArrow arrow) {
        SipTraceEvent e = arrow.primary();
        List<LadderArrow> list = transactions.get(transactionKey(e, SipText.cseq(e.rawText())));
        return list == null ? List.of(arrow) : Collections.unmodifiableList(list);
    }

    /** Indexes of the arrows the filter lets through, in ladder order. */
    public int[] filter(LadderFilter filter) {
        if (filter.isNone()) {
            int[] all = new int[arrows.size()];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            return all;
        }
        return arrows.stream().filter(filter::matches).mapToInt(LadderArrow::index).toArray();
    }

    /** The Call-IDs seen, in order of first appearance. */
    public List<String> callIds() {
        List<String> ids = new ArrayList<>(Collections.nCopies(calls.size(), ""));
        calls.forEach((id, call) -> ids.set(call.index(), id));
        return ids;
    }

    /** The callers seen ({@code user@host} of each call's From), in order of first appearance. */
    public List<String> callers() {
        return List.copyOf(callerGroups.keySet());
    }

    /**
     * The arrow's group when the ladder is grouped by caller: its caller's place in
     * {@link #callers()}, or {@code Integer.MAX_VALUE} (last) while its caller is unknown.
     */
    public int callerGroup(LadderArrow arrow) {
        return callerGroups.getOrDefault(arrow.caller(), Integer.MAX_VALUE);
    }

    /**
     * Grouped by caller, every party that is neither pinned ({@link #setColumnOrder(List)}) nor a
     * registrar shares one column, {@link #CALLERS}: fifty students calling the teacher's server
     * make a ladder of four columns, not fifty-three. The view sorts the rows by caller.
     */
    public void setGroupByCaller(boolean grouped) {
        columns.setGroupByCaller(grouped);
    }

    public boolean isGroupByCaller() {
        return columns.isGroupByCaller();
    }

    /** The columns, left to right. */
    public List<LadderColumn> columns() {
        return columns.list();
    }

    /** The sender's column. */
    public LadderColumn from(LadderArrow arrow) {
        return columns.from(arrow);
    }

    /** The receiver's column. */
    public LadderColumn to(LadderArrow arrow) {
        return columns.to(arrow);
    }

    private static LadderArrow takeOpen(Hop hop, SipTraceEvent event) {
        Deque<LadderArrow> open = hop.open;
        if (open == null) {
            return null;
        }
        for (var it = open.iterator(); it.hasNext(); ) {
            LadderArrow candidate = it.next();
            SipTraceEvent other = candidate.primary();
            if (candidate.lacks(event.direction()) && !other.party().equals(event.party())) {
                it.remove();
                if (open.isEmpty()) {
                    hop.open = null;
                }
                return candidate;
            }
        }
        return null;
    }

    private static String side(SipTraceEvent event) {
        return event.direction() + "|" + event.party();
    }

    private LadderCall call(SipTraceEvent event) {
        LadderCall call = calls.computeIfAbsent(event.callId(), id -> new LadderCall(calls.size()));
        if (call.caller().isEmpty()
                && call.learnCaller(SipText.addressOfRecord(SipText.header(event.rawText(), "From", "f")))) {
            callerGroups.putIfAbsent(call.caller(), callerGroups.size());
        }
        return call;
    }

    private static String transactionKey(SipTraceEvent event, String cseq) {
        int space = cseq.indexOf(' ');
        String number = space < 0 ? cseq : cseq.substring(0, space);
        String method = "ACK".equals(event.method()) ? "INVITE" : event.method();
        return event.callId() + '|' + number + '|' + method;
    }

    private static String peerAddress(SipTraceEvent event, SipText.Via via) {
        boolean towardsVia = event.direction() == Direction.SENT ? !event.isRequest() : event.isRequest();
        if (towardsVia && via != null) {
            return via.sentBy();
        }
        return LadderColumns.normalise(event.remote());
    }

}
