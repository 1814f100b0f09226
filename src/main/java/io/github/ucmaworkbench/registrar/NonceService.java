package io.github.ucmaworkbench.registrar;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Server nonces for digest authentication (RFC 7616 §3.3, §5.4-5.5): each one is its issue time,
 * a random salt and an HMAC-SHA-256 over both under a per-start secret, so a nonce cannot be
 * guessed or forged, and its age is known without storing it. Nothing is kept per challenge: a
 * flood of unanswered 401s costs no memory.
 *
 * <p>Replay protection: once a nonce is used, the highest nonce-count seen for it is remembered
 * until the nonce expires; a request must bring a higher one (RFC 7616 §3.4: "nc" counts requests
 * sent with that nonce). The table is bounded; when it is full the oldest entry makes room and
 * every nonce issued up to that one's time is treated as stale from then on, so an evicted nonce
 * can never be replayed either.
 */
final class NonceService {
    /** What a nonce-count check says. */
    enum Use { FRESH, REPLAY, STALE }

    private record Seen(long issued, long count) {
    }

    private final long lifetimeMillis;
    private final int capacity;
    private final LongSupplier clock;
    private final byte[] secret = new byte[32];
    private final SecureRandom random = new SecureRandom();
    /** Nonce to the highest nonce-count used with it, in first-use order. */
    private final Map<String, Seen> used = new LinkedHashMap<>();
    /** Nonces issued at or before this time (millis) and not in {@link #used} count as stale. */
    private long evictedUpTo = Long.MIN_VALUE;

    NonceService(long lifetimeMillis, int capacity, LongSupplier clock) {
        this.lifetimeMillis = lifetimeMillis;
        this.capacity = capacity;
        this.clock = clock;
        random.nextBytes(secret);
    }

    /** A fresh nonce: {@code time.salt.mac}, all hex. */
    String issue() {
        byte[] salt = new byte[8];
        synchronized (random) {
            random.nextBytes(salt);
        }
        String body = Long.toHexString(clock.getAsLong()) + "." + HexFormat.of().formatHex(salt);
        return body + "." + mac(body);
    }

    /** When we issued {@code nonce} (epoch millis), or -1 when it is not one of ours. */
    long issuedAt(String nonce) {
        if (nonce == null) {
            return -1;
        }
        int last = nonce.lastIndexOf('.');
        int first = nonce.indexOf('.');
        if (first <= 0 || last == first) {
            return -1;
        }
        String body = nonce.substring(0, last);
        if (!MessageDigest.isEqual(mac(body).getBytes(StandardCharsets.US_ASCII),
                nonce.substring(last + 1).getBytes(StandardCharsets.US_ASCII))) {
            return -1;
        }
        try {
            return Long.parseLong(nonce.substring(0, first), 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** True when a nonce of ours issued at {@code issuedAt} has outlived its lifetime. */
    boolean isExpired(long issuedAt) {
        return clock.getAsLong() - issuedAt > lifetimeMillis;
    }

    /**
     * Records one use of a valid, unexpired nonce with {@code count} (1 for a client that sends
     * no qop, so such a nonce is good for exactly one request).
     */
    synchronized Use use(String nonce, long issuedAt, long count) {
        Seen seen = used.get(nonce);
        if (seen == null) {
            if (issuedAt <= evictedUpTo) {
                return Use.STALE;
            }
            makeRoom();
            used.put(nonce, new Seen(issuedAt, count));
            return Use.FRESH;
        }
        if (count <= seen.count()) {
            return Use.REPLAY;
        }
        used.put(nonce, new Seen(seen.issued(), count));
        return Use.FRESH;
    }

    private void makeRoom() {
        if (used.size() < capacity) {
            return;
        }
        used.values().removeIf(s -> isExpired(s.issued()));
        Iterator<Seen> oldest = used.values().iterator();
        while (used.size() >= capacity && oldest.hasNext()) {
            evictedUpTo = Math.max(evictedUpTo, oldest.next().issued());
            oldest.remove();
        }
    }

    /** How many used nonces are remembered (for tests and status). */
    synchronized int remembered() {
        return used.size();
    }

    private String mac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
