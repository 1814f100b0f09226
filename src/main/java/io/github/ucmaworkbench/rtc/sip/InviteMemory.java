package io.github.ucmaworkbench.rtc.sip;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The INVITEs an agent received, by {@link RequestRouter#inviteKey}: the ones still unanswered,
 * and for 64*T1 (RFC 3261 §17.2.1, how long a caller may retransmit) the keys of those already
 * answered. Why remember answered ones at all:
 * <ul>
 * <li>a CANCEL that crosses our final response must get 200 and change nothing (§9.2), not 481;
 * <li>under load a retransmitted INVITE can reach us after the stack ended its transaction (the
 *     2xx ends it at once, §17.2.1): without this it became a second, phantom call whose 200 OK
 *     nobody ever acknowledged, and a false "session establishment timed out".
 * </ul>
 * Only keys and deadlines are kept for answered INVITEs, so thousands of calls a second stay cheap;
 * expired keys are dropped as new ones arrive, without a timer.
 */
final class InviteMemory {
    /** 64*T1 with the default T1 of 500 ms. */
    static final long ANSWERED_KEEP_MS = 64 * 500;

    private final Map<String, IncomingInvite> unanswered = new ConcurrentHashMap<>();
    private final Map<String, Long> answered = new ConcurrentHashMap<>();
    private final Queue<Expiry> expiries = new ConcurrentLinkedQueue<>();

    private record Expiry(String key, long deadline) {
    }

    void received(String key, IncomingInvite invite) {
        unanswered.put(key, invite);
    }

    /** The INVITE is answered (or cancelled): from now on only its key is remembered, for a while. */
    void answered(String key) {
        unanswered.remove(key);
        long deadline = System.currentTimeMillis() + ANSWERED_KEEP_MS;
        answered.put(key, deadline);
        expiries.add(new Expiry(key, deadline));
        forgetExpired(System.currentTimeMillis());
    }

    /** The unanswered INVITE with {@code key}, or null. */
    IncomingInvite unanswered(String key) {
        return unanswered.get(key);
    }

    /** True if an INVITE with {@code key} arrived lately, answered or not. */
    boolean knows(String key) {
        if (unanswered.containsKey(key)) {
            return true;
        }
        Long deadline = answered.get(key);
        return deadline != null && deadline > System.currentTimeMillis();
    }

    boolean answeredLately(String key) {
        Long deadline = answered.get(key);
        return deadline != null && deadline > System.currentTimeMillis();
    }

    List<IncomingInvite> unansweredInvites() {
        return new ArrayList<>(unanswered.values());
    }

    private synchronized void forgetExpired(long now) {
        for (Expiry head = expiries.peek(); head != null && head.deadline() <= now; head = expiries.peek()) {
            expiries.poll();
            answered.remove(head.key(), head.deadline());
        }
    }
}
