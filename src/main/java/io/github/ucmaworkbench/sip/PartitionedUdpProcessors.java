package io.github.ucmaworkbench.sip;

import gov.nist.javax.sip.stack.MessageProcessor;
import gov.nist.javax.sip.stack.MessageProcessorFactory;
import gov.nist.javax.sip.stack.OIOMessageProcessorFactory;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import gov.nist.javax.sip.stack.UDPMessageProcessor;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stack's message processors, with UDP read into {@link DatagramPartitions}: one UDP thread
 * per {@link CallLanes} lane, each doing whole datagrams of its own calls. TCP and TLS are the
 * RI's own (its default factory).
 *
 * <p>Set with {@link #use(Properties)}; the RI creates the factory by its class name.
 */
public final class PartitionedUdpProcessors implements MessageProcessorFactory {
    /** {@code -Ducma.sip.udpPartitions=false} keeps the RI's one queue and one UDP thread. */
    static final boolean ENABLED = Boolean.parseBoolean(System.getProperty("ucma.sip.udpPartitions", "true"));

    private static final Logger LOG = LoggerFactory.getLogger(PartitionedUdpProcessors.class);
    /**
     * The stack's "a UDP processor exists" flag, which the RI's own factory sets: without it the
     * stack sends each UDP message from a fresh socket of its own, and the far end's responses,
     * sent back to that socket's port, are lost. Package-private in the RI, so set by reflection;
     * when that fails, the RI's own processor is used.
     */
    private static final Field UDP_FLAG = RiFields.accessible(SIPTransactionStack.class, "udpFlag");

    private final MessageProcessorFactory others = new OIOMessageProcessorFactory();

    /**
     * Marks stack properties for partitioned UDP: the factory, and as many UDP threads as
     * there are lanes. The stack's listener must hand its events to {@link CallLanes} (the
     * threads run its lane's tasks in place) and be re-entrant ({@link CallLanes#reentrant}).
     */
    public static Properties use(Properties props) {
        if (ENABLED) {
            props.setProperty("gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY", PartitionedUdpProcessors.class.getName());
            props.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", String.valueOf(CallLanes.shared().laneCount()));
        }
        return props;
    }

    @Override
    public MessageProcessor createMessageProcessor(SIPTransactionStack stack, InetAddress address, int port,
            String transport) throws IOException {
        if ("udp".equalsIgnoreCase(transport) && UDP_FLAG != null && flagUdp(stack)) {
            return new Processor(address, stack, port);
        }
        return others.createMessageProcessor(stack, address, port, transport);
    }

    private static boolean flagUdp(SIPTransactionStack stack) {
        try {
            UDP_FLAG.setBoolean(stack, true);
            return true;
        } catch (IllegalAccessException | RuntimeException e) {
            LOG.debug("UDP is read by the RI's one thread", e);
            return false;
        }
    }

    /** The RI's UDP processor with the partitioned queue in place of its own. */
    private static final class Processor extends UDPMessageProcessor {
        Processor(InetAddress address, SIPTransactionStack stack, int port) throws IOException {
            super(address, stack, port);
            // Several threads take this socket's datagrams, each parsing its own: parsing ahead
            // matches datagrams to the one thread that takes them all, in order.
            if (sock instanceof CompactDatagramSocket compact) {
                compact.stopParsingAhead();
            }
            DatagramPartitions partitions = new DatagramPartitions(CallLanes.shared().laneCount());
            partitions.register(sock);
            messageQueue = partitions;
        }

        @Override
        public void stop() {
            try {
                ((DatagramPartitions) messageQueue).unregister(sock);
            } finally {
                super.stop();
            }
        }
    }
}
