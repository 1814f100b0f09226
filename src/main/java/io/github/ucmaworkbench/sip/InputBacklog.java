package io.github.ucmaworkbench.sip;

/**
 * How far behind a stack is with the UDP datagrams its listening socket already received.
 *
 * <p>Why: a deadline for something the far end sends (the ACK of our 200 OK, RFC 3261
 * §13.3.1.4) is about when it reached us, not when our busy stack got round to it. Under load a
 * datagram can wait seconds in our own queue; counting that wait against the far end turned
 * ACKs that came in time into "the caller's ACK never came".
 */
public final class InputBacklog {
    private InputBacklog() {
    }

    /**
     * The {@link System#nanoTime} at which the oldest datagram still waiting for the stack
     * arrived on the UDP socket bound to {@code host:port}; null when none waits, or when that
     * socket's datagrams are neither split by call ({@link DatagramPartitions}) nor parsed ahead
     * (then nothing is known about its queue).
     */
    public static Long waitingSince(String host, int port) {
        if (DatagramPartitions.serves(host, port)) {
            return DatagramPartitions.waitingSince(host, port);
        }
        return ParseAhead.ENABLED ? ParseAhead.waitingSince(host, port) : null;
    }

    /**
     * Sends a marker datagram to the UDP socket bound to {@code host:port} (one of ours) and
     * returns its ticket for {@link #readUpTo}: once read, every datagram that reached the
     * socket before the marker was sent is in our own queue, where {@link #waitingSince} sees
     * it, and no longer in the kernel's buffer, where nothing does ({@link ReaderMarks}).
     */
    public static long mark(String host, int port) {
        return ReaderMarks.send(host, port);
    }

    /** Whether the socket's reader has read the marker of {@code ticket} (true for ticket 0: nothing to wait for). */
    public static boolean readUpTo(String host, int port, long ticket) {
        return ReaderMarks.read(host, port, ticket);
    }
}
