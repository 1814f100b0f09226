package io.github.ucmaworkbench.trace.ladder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The distinct ends of the ladder's arrows (a party of this process, or an outside address), each
 * with how many arrow ends use it and where it was first used, kept up to date as arrows come and
 * pair. The model's columns follow from these few ends instead of from every arrow; an end's
 * column is resolved only then, because an address may turn out to be a party later.
 *
 * <p>When an end loses the arrow that used it first while others still use it (an address whose
 * first arrow pairs while later ones wait for their other record), its next use is looked for
 * from there on: in a burst that is an arrow of the same batch, a few steps away.
 * Not thread-safe: the model's thread only.
 */
final class ColumnEnds {
    /** One end: {@code party} when the arrow's party at that end is ours, else its {@code address}. */
    record End(String party, String address) {
    }

    private static final class Use {
        int count;
        /** 2 * arrow index, + 1 for the receiving end. */
        long first;

        Use(long first) {
            this.first = first;
        }
    }

    private final List<LadderArrow> arrows;
    private final Map<End, Use> ends = new HashMap<>();
    /** Receiving ends of REGISTER requests: who plays the registrar. */
    private final Map<End, Integer> registerEnds = new HashMap<>();

    /** Ends of {@code arrows}, the model's own list (read only). */
    ColumnEnds(List<LadderArrow> arrows) {
        this.arrows = arrows;
    }

    static End from(LadderArrow arrow) {
        return arrow.senderParty != null ? new End(arrow.senderParty, null) : new End(null, arrow.senderAddress);
    }

    static End to(LadderArrow arrow) {
        return arrow.receiverParty != null ? new End(arrow.receiverParty, null) : new End(null, arrow.receiverAddress);
    }

    private static boolean isRegister(LadderArrow arrow) {
        return arrow.isRequest() && "REGISTER".equals(arrow.method());
    }

    /** A new arrow, its ends set. */
    void added(LadderArrow arrow) {
        use(from(arrow), 2L * arrow.index());
        use(to(arrow), 2L * arrow.index() + 1);
        if (isRegister(arrow)) {
            registerEnds.merge(to(arrow), 1, Integer::sum);
        }
    }

    /** An arrow whose other record came: its ends were {@code oldFrom} and {@code oldTo}. */
    void moved(LadderArrow arrow, End oldFrom, End oldTo) {
        End from = from(arrow);
        End to = to(arrow);
        if (!from.equals(oldFrom)) {
            release(oldFrom, 2L * arrow.index());
            use(from, 2L * arrow.index());
        }
        if (!to.equals(oldTo)) {
            release(oldTo, 2L * arrow.index() + 1);
            use(to, 2L * arrow.index() + 1);
            if (isRegister(arrow)) {
                registerEnds.computeIfPresent(oldTo, (e, n) -> n == 1 ? null : n - 1);
                registerEnds.merge(to, 1, Integer::sum);
            }
        }
    }

    void clear() {
        ends.clear();
        registerEnds.clear();
    }

    /** Every end in order of first use. */
    List<End> inOrderOfFirstUse() {
        List<Map.Entry<End, Use>> sorted = new ArrayList<>(ends.entrySet());
        sorted.sort(Comparator.comparingLong(e -> e.getValue().first));
        List<End> result = new ArrayList<>(sorted.size());
        sorted.forEach(e -> result.add(e.getKey()));
        return result;
    }

    /** The receiving ends of REGISTER requests. */
    Iterable<End> registerTargets() {
        return registerEnds.keySet();
    }

    private void use(End end, long position) {
        Use use = ends.computeIfAbsent(end, e -> new Use(position));
        use.count++;
        use.first = Math.min(use.first, position);
    }

    private void release(End end, long position) {
        Use use = ends.get(end);
        if (use == null) {
            return;
        }
        if (--use.count == 0) {
            ends.remove(end);
        } else if (use.first == position) {
            use.first = nextUse(end, position);
        }
    }

    /** The first position after {@code position} where an arrow end is {@code end}. */
    private long nextUse(End end, long position) {
        for (long p = position + 1; p < 2L * arrows.size(); p++) {
            LadderArrow arrow = arrows.get((int) (p / 2));
            if (is(end, (p & 1) == 0 ? arrow.senderParty : arrow.receiverParty,
                    (p & 1) == 0 ? arrow.senderAddress : arrow.receiverAddress)) {
                return p;
            }
        }
        return Long.MAX_VALUE; // cannot happen while the count says another arrow uses it
    }

    private static boolean is(End end, String party, String address) {
        return party != null ? party.equals(end.party()) : end.party() == null && Objects.equals(address, end.address());
    }
}
