package io.github.ucmaworkbench.sip;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.util.Arrays;

/**
 * A UDP socket that hands back each received datagram in an array of its own size.
 *
 * <p>Why: JAIN-SIP's UDP reader receives every datagram into a fresh buffer of the largest
 * datagram (64 KB) and queues the packet, buffer and all, until its worker thread parses it. A
 * server that falls a few seconds behind then holds thousands of 64 KB buffers: our server ran
 * out of a 512 MB heap within seconds at 1,000 calls/s, and the garbage collector's struggle
 * turned a slow server into a dead one. Copying the few hundred bytes of a SIP message out
 * leaves the big buffer to die young.
 *
 * <p>Each datagram is also handed to {@link ParseAhead} as it arrives, so it is parsed while it
 * waits for the stack's one UDP thread.
 */
final class CompactDatagramSocket extends DatagramSocket {
    private volatile ParseAhead ahead;
    private final ReaderMarks marks;

    CompactDatagramSocket(int port, InetAddress localAddress) throws SocketException {
        super(port, localAddress);
        ahead = ParseAhead.ENABLED ? ParseAhead.register(this) : null;
        marks = ReaderMarks.register(this);
    }

    /** Large enough for any datagram; reused, since the stack reads a socket on one thread. */
    private final byte[] buffer = new byte[65535];
    private final DatagramPacket into = new DatagramPacket(buffer, buffer.length);

    /**
     * Fills {@code packet} with the next datagram in an array of its own size, whatever buffer
     * the caller gave: so the stack's own receive buffer can be tiny ({@link UdpReceiveBuffers}).
     */
    @Override
    public void receive(DatagramPacket packet) throws IOException {
        synchronized (into) {
            do {
                into.setData(buffer);
                super.receive(into);
            } while (marks.isMarker(buffer, into.getLength())); // ours, for InputBacklog: not for the stack
            packet.setData(Arrays.copyOfRange(buffer, 0, into.getLength()));
            packet.setSocketAddress(into.getSocketAddress());
        }
        ParseAhead parsing = ahead;
        if (parsing != null) {
            parsing.arrived(packet.getData());
        }
    }

    /** For a socket whose datagrams several threads take ({@link PartitionedUdpProcessors}). */
    void stopParsingAhead() {
        ParseAhead parsing = ahead;
        ahead = null;
        if (parsing != null) {
            ParseAhead.unregister(this, parsing);
        }
    }

    @Override
    public void close() {
        ReaderMarks.unregister(this, marks);
        stopParsingAhead();
        super.close();
    }
}
