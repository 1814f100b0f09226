package io.github.ucmaworkbench.registrar;

import java.time.Instant;

/**
 * One contact bound to an address-of-record (RFC 3261 §10.3): where requests for the AOR go, until
 * when, and the Call-ID/CSeq of the REGISTER that last touched it (for the ordering check of step 7).
 * Immutable; a refresh replaces the binding.
 */
public final class Binding {
    private final String aor;
    private final String contactUri;
    private final String key;
    private final String callId;
    private final long cseq;
    private final String transport;
    private final long expiresAtNanos;
    private final Instant expiresAt;

    Binding(String aor, String contactUri, String key, String callId, long cseq, String transport,
            int expiresSeconds) {
        this.aor = aor;
        this.contactUri = contactUri;
        this.key = key;
        this.callId = callId;
        this.cseq = cseq;
        this.transport = transport;
        // nanoTime for the decision (immune to wall-clock jumps), Instant for display.
        this.expiresAtNanos = System.nanoTime() + expiresSeconds * 1_000_000_000L;
        this.expiresAt = Instant.now().plusSeconds(expiresSeconds);
    }

    /** The address-of-record, {@code user@domain}. */
    public String getAor() {
        return aor;
    }

    /** The contact URI as registered, e.g. {@code sip:alice@127.0.0.1:5070;transport=tcp}. */
    public String getContactUri() {
        return contactUri;
    }

    /** The Call-ID of the REGISTER that created or last refreshed this binding. */
    public String getCallId() {
        return callId;
    }

    /** The CSeq number of that REGISTER. */
    public long getCseq() {
        return cseq;
    }

    /**
     * The transport the REGISTER arrived over ({@code UDP}, {@code TCP}); used when the contact
     * itself names none, so a TCP-only client is still reached over TCP.
     */
    public String getTransport() {
        return transport;
    }

    /** Wall-clock time the binding lapses unless refreshed. */
    public Instant getExpiresAt() {
        return expiresAt;
    }

    /** Whole seconds left, rounded up, never negative; the {@code expires} param a 200 OK reports. */
    public int remainingSeconds() {
        long left = expiresAtNanos - System.nanoTime();
        return left <= 0 ? 0 : (int) ((left + 999_999_999L) / 1_000_000_000L);
    }

    public boolean isExpired() {
        return expiresAtNanos - System.nanoTime() <= 0;
    }

    /** Normalised contact used to tell "same contact" apart (RFC 3261 §19.1.4, simplified). */
    String key() {
        return key;
    }

    @Override
    public String toString() {
        return aor + " -> " + contactUri + " (" + remainingSeconds() + " s)";
    }
}
