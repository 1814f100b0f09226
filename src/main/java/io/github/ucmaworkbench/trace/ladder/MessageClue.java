package io.github.ucmaworkbench.trace.ladder;

import io.github.ucmaworkbench.trace.Direction;
import io.github.ucmaworkbench.trace.SipTraceEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The message a progress-log line is about, described well enough to find it on the ladder: the
 * party's own side of it (it sent or it received it), what it may be (a request by method, or a
 * response to a method within a range of codes), and whether the line was written before the
 * message went out ("Sending an invite…" comes before the INVITE) or after it arrived.
 *
 * <p>Only the party's own record counts, so "An invite arrived" on the server finds the INVITE
 * the server received, not the proxy's copy or the server's own REGISTER answer.
 *
 * @param direction which record of the party: SENT or RECEIVED; null for either
 * @param kinds     what the message may be; any of them matches
 * @param ahead     the line precedes the message: the first match after it, not the latest before
 */
public record MessageClue(Direction direction, List<Kind> kinds, boolean ahead) {
    /**
     * The stack stamps a message before the API's callback writes the line that reports it, but a
     * line and its message may also be stamped in the other order by a few milliseconds.
     */
    static final Duration SLACK = Duration.ofMillis(200);
    /** How long after a "Sending…" line its message may leave (a first sign-in builds a SIP stack). */
    static final Duration AHEAD_WINDOW = Duration.ofSeconds(30);
    /**
     * How far before its line a message may lie. A log line reports what just happened; without a
     * bound, a click on a line whose message is not there (a server receives no responses) scanned
     * every arrow of a classroom burst on the event thread.
     */
    static final Duration LOOKBACK = Duration.ofSeconds(60);

    /** A request of {@code method}, or a response to one ("" for any) with a code in {@code lowest..highest}. */
    public record Kind(String method, boolean request, int lowest, int highest) {
        public Kind {
            method = method.toUpperCase(Locale.ROOT);
        }

        public static Kind request(String method) {
            return new Kind(method, true, 0, 0);
        }

        /** A response to {@code method} with a code from {@code lowest} to {@code highest}. */
        public static Kind response(String method, int lowest, int highest) {
            return new Kind(method, false, lowest, highest);
        }

        /** A response to any method, with any code: narrow it with {@link MessageClue#withStatus(int)}. */
        public static Kind anyResponse() {
            return response("", 100, 699);
        }

        /** Any final or provisional response to {@code method}. */
        public static Kind response(String method) {
            return response(method, 100, 699);
        }

        boolean matches(SipTraceEvent event) {
            if (event.isRequest() != request || !(method.isEmpty() || method.equalsIgnoreCase(event.method()))) {
                return false;
            }
            return request || (event.statusCode() >= lowest && event.statusCode() <= highest);
        }

        /** Responses narrowed to {@code code} when it lies in range; requests and other ranges unchanged. */
        Kind narrowedTo(int code) {
            return !request && code >= lowest && code <= highest ? response(method, code, code) : this;
        }
    }

    public MessageClue {
        kinds = List.copyOf(kinds);
    }

    public static MessageClue sent(boolean ahead, Kind... kinds) {
        return new MessageClue(Direction.SENT, List.of(kinds), ahead);
    }

    public static MessageClue received(Kind... kinds) {
        return new MessageClue(Direction.RECEIVED, List.of(kinds), false);
    }

    /** Sent or received, before the line. */
    public static MessageClue either(Kind... kinds) {
        return new MessageClue(null, List.of(kinds), false);
    }

    /** The same clue with its responses narrowed to {@code code} (a line that names its code); 0 leaves it. */
    public MessageClue withStatus(int code) {
        if (code == 0) {
            return this;
        }
        return new MessageClue(direction, kinds.stream().map(k -> k.narrowedTo(code)).toList(), ahead);
    }

    /** The latest time a message this clue may find for a line stamped {@code time} can carry: how far a view must catch up. */
    public Instant lastUseful(Instant time) {
        return time.plus(ahead ? AHEAD_WINDOW : SLACK);
    }

    /**
     * The index of the arrow {@code party}'s line stamped {@code time} is about, or -1: the latest
     * match up to the line (plus {@link #SLACK}), or for a line written {@link #ahead()} of its
     * message the first match from the line on, within {@link #AHEAD_WINDOW}.
     */
    public int findIn(LadderModel model, String party, Instant time) {
        Objects.requireNonNull(party, "party");
        if (ahead) {
            Instant from = time.minus(SLACK);
            Instant until = time.plus(AHEAD_WINDOW);
            // Arrows come in time order (give or take a few ms): start where the window starts, found
            // from the end, instead of walking a burst of old arrows from the first.
            int start = model.size();
            while (start > 0 && !model.arrow(start - 1).time().isBefore(from.minus(SLACK))) {
                start--;
            }
            for (int i = start; i < model.size(); i++) {
                SipTraceEvent record = recordOf(model.arrow(i), party);
                if (record != null && !record.time().isBefore(from) && !record.time().isAfter(until)) {
                    return i;
                }
            }
            return -1;
        }
        Instant limit = time.plus(SLACK);
        Instant oldest = time.minus(LOOKBACK);
        for (int i = model.size() - 1; i >= 0; i--) {
            if (model.arrow(i).time().isBefore(oldest)) {
                break;
            }
            SipTraceEvent record = recordOf(model.arrow(i), party);
            if (record != null && !record.time().isAfter(limit)) {
                return i;
            }
        }
        return -1;
    }

    /** The party's record of the arrow when it is one this clue describes, else null. */
    private SipTraceEvent recordOf(LadderArrow arrow, String party) {
        SipTraceEvent record = direction == Direction.SENT ? arrow.sent()
                : direction == Direction.RECEIVED ? arrow.received() : null;
        if (direction == null) {
            record = isParty(arrow.received(), party) ? arrow.received() : arrow.sent();
        }
        if (!isParty(record, party)) {
            return null;
        }
        for (Kind kind : kinds) {
            if (kind.matches(record)) {
                return record;
            }
        }
        return null;
    }

    private static boolean isParty(SipTraceEvent record, String party) {
        return record != null && record.party().equalsIgnoreCase(party);
    }
}
