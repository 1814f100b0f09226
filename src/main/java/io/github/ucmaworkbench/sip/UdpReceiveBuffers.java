package io.github.ucmaworkbench.sip;

import gov.nist.javax.sip.ListeningPointImpl;
import gov.nist.javax.sip.stack.MessageProcessor;
import gov.nist.javax.sip.stack.UDPMessageProcessor;
import java.lang.reflect.Field;
import javax.sip.ListeningPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the RI from allocating a 64 KB buffer for every UDP datagram it receives.
 *
 * <p>Why: JAIN-SIP's UDP reader allocates {@code new byte[maxMessageSize]} (64 KB) per datagram,
 * before it receives into it. At 1,500 calls/s that was about three quarters of everything our
 * server allocated (JFR: 6 GB in under a minute), so young collections ran several times a
 * second and copied every call in flight each time; the bare UAS of bench 3 avoids it with
 * MAX_MESSAGE_SIZE=8192, which would also cap our TCP messages. Our listening sockets
 * ({@link CompactDatagramSocket}) receive into a buffer of their own and hand the stack an array
 * of the datagram's size, so the stack's buffer is never used and can be one byte. The RI has no
 * setting for it: the field is set by reflection, and left alone if that fails.
 */
public final class UdpReceiveBuffers {
    private static final Logger LOG = LoggerFactory.getLogger(UdpReceiveBuffers.class);
    private static final Field MAX_MESSAGE_SIZE = RiFields.accessible(UDPMessageProcessor.class, "maxMessageSize");
    private static final Field SOCKET = RiFields.accessible(UDPMessageProcessor.class, "sock");

    private UdpReceiveBuffers() {
    }

    /** Shrinks the stack's per-datagram buffer behind {@code point}, if it reads one of our sockets. */
    public static void shrink(ListeningPoint point) {
        if (MAX_MESSAGE_SIZE == null || SOCKET == null || !(point instanceof ListeningPointImpl impl)) {
            return;
        }
        MessageProcessor processor = impl.getMessageProcessor();
        try {
            if (processor instanceof UDPMessageProcessor udp && SOCKET.get(udp) instanceof CompactDatagramSocket) {
                MAX_MESSAGE_SIZE.setInt(udp, 1);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("JAIN-SIP's UDP reader keeps its 64 KB buffers", e);
        }
    }
}
