package io.github.ucmaworkbench.sip;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Marker datagrams a process sends to its own listening UDP socket, to learn when that socket's
 * reader has read every datagram the kernel held before the marker.
 *
 * <p>Why: {@link InputBacklog} sees only what our reader already took from the socket. Under
 * load an ACK can still sit in the kernel's receive buffer (8 MB, thousands of datagrams) when
 * the ACK window ends, and was then reported as "never came" although it had reached us in
 * time. A marker sent after the deadline queues behind every datagram that arrived before it;
 * once the reader meets it, those are in our own queue, where the backlog check sees them. The
 * reader swallows markers ({@link CompactDatagramSocket}): the stack never sees one.
 *
 * <p>A marker is 16 bytes, a per-process random number and a sequence number: shorter than any
 * SIP message and never parsed. A stranger who guessed the number could only make a deadline
 * be decided sooner, as it was before markers.
 */
final class ReaderMarks {
    private static final int LENGTH = 16;
    // UUID's random numbers come from the JDK's shared SecureRandom: a generator made for one
    // number would be seeded for nothing (SpotBugs DMI_RANDOM_USED_ONLY_ONCE).
    private static final long NONCE = UUID.randomUUID().getLeastSignificantBits();
    private static final Map<String, ReaderMarks> BY_ADDRESS = new ConcurrentHashMap<>();
    private static final AtomicLong SENT = new AtomicLong();
    private static volatile DatagramSocket sender;

    /** The highest marker number this socket's reader has read. */
    private volatile long read;

    private ReaderMarks() {
    }

    private static String key(String host, int port) {
        return host + ":" + port;
    }

    static ReaderMarks register(DatagramSocket socket) {
        ReaderMarks marks = new ReaderMarks();
        BY_ADDRESS.put(key(socket.getLocalAddress().getHostAddress(), socket.getLocalPort()), marks);
        return marks;
    }

    static void unregister(DatagramSocket socket, ReaderMarks marks) {
        BY_ADDRESS.remove(key(socket.getLocalAddress().getHostAddress(), socket.getLocalPort()), marks);
    }

    /** Sends a marker to {@code host:port}'s socket; 0 when it is not ours or the send failed (nothing to wait for). */
    static long send(String host, int port) {
        if (!BY_ADDRESS.containsKey(key(host, port))) {
            return 0;
        }
        long n = SENT.incrementAndGet();
        byte[] bytes = ByteBuffer.allocate(LENGTH).putLong(NONCE).putLong(n).array();
        try {
            InetAddress to = InetAddress.getByName(host);
            if (to.isAnyLocalAddress()) {
                to = InetAddress.getLoopbackAddress();
            }
            senderSocket().send(new DatagramPacket(bytes, bytes.length, to, port));
            return n;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Whether {@code host:port}'s reader has read marker {@code n} (true for 0 and for a socket that is gone). */
    static boolean read(String host, int port, long n) {
        ReaderMarks marks = BY_ADDRESS.get(key(host, port));
        return n == 0 || marks == null || marks.read >= n;
    }

    /** On the socket's reader: true (and noted) when the datagram in {@code buffer} is one of our markers. */
    boolean isMarker(byte[] buffer, int length) {
        if (length != LENGTH) {
            return false;
        }
        ByteBuffer b = ByteBuffer.wrap(buffer, 0, LENGTH);
        if (b.getLong() != NONCE) {
            return false;
        }
        read = Math.max(read, b.getLong());
        return true;
    }

    private static DatagramSocket senderSocket() throws SocketException {
        DatagramSocket s = sender;
        if (s == null) {
            synchronized (ReaderMarks.class) {
                s = sender;
                if (s == null) {
                    s = new DatagramSocket();
                    sender = s;
                }
            }
        }
        return s;
    }
}
