package io.github.ucmaworkbench.sip;

import gov.nist.javax.sip.stack.DatagramQueuedMessageDispatch;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.SocketAddress;
import java.util.AbstractQueue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The queue between a UDP socket's reader and the stack's UDP threads, split by Call-ID: one part
 * per {@link CallLanes} lane, each taken by one thread, which then does the whole of a datagram's
 * work (parse, transaction, our listener's lane task) without handing it on.
 *
 * <p>Why: with the RI's one queue and one UDP thread, a datagram changed threads three times on
 * its way through the registrar under load (reader, parser, the stack's thread, the Call-ID's
 * lane), and async-profiler put 15 % of its CPU in those hand-offs' futex calls. More threads on
 * the RI's one queue would hand a call's messages to the transaction layer out of order (a 200
 * ahead of its 180). Here a call's datagrams always go to the same part, in arrival order, so
 * the order the transaction layer needs holds per call while calls run in parallel. A part's
 * thread serves the lane of the same index ({@link CallLanes#adoptLane}), so the lane's task runs
 * right there.
 *
 * <p>A REGISTER is a fence: the reader reads nothing more until its part's thread has handled it,
 * as the single UDP thread did, so a request that arrives after a REGISTER is routed with its
 * binding whatever its Call-ID (a server that re-registers and is called right after).
 *
 * <p>A datagram identical to one still queued in its part is dropped: a retransmission (RFC 3261
 * §17: the same bytes again, T1 = 500 ms after the first) of something the stack has not even
 * taken yet. Why: a stack that falls more than T1 behind (a fresh JVM still compiling, a burst)
 * got every INVITE and BYE again; each copy was parsed, matched, and a stateless hop forwarded
 * it again, so the load doubled exactly when the stack was behind and it never caught up (a fresh
 * registrar failed hundreds of calls at 1,500/s that it carries at 3,000/s once warm). The copy
 * queued first gets the same answer.
 */
final class DatagramPartitions extends AbstractQueue<DatagramQueuedMessageDispatch>
        implements BlockingQueue<DatagramQueuedMessageDispatch> {
    /** How long the reader waits at a REGISTER fence at most; past it, order is best effort. */
    private static final long FENCE_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** {@code -Ducma.sip.udpDropQueuedRepeats=false} queues every copy, as the RI does. */
    static final boolean DROP_QUEUED_REPEATS =
            Boolean.parseBoolean(System.getProperty("ucma.sip.udpDropQueuedRepeats", "true"));
    private static final Map<String, DatagramPartitions> BY_ADDRESS = new ConcurrentHashMap<>();

    private final Part[] parts;
    private final AtomicInteger takers = new AtomicInteger();
    private final ThreadLocal<Part> mine = new ThreadLocal<>();

    DatagramPartitions(int count) {
        parts = new Part[count];
        for (int i = 0; i < count; i++) {
            parts[i] = new Part(i);
        }
    }

    private static String key(String host, int port) {
        return host + ":" + port;
    }

    /** Makes this queue's backlog known as {@code socket}'s ({@link #waitingSince}). */
    void register(DatagramSocket socket) {
        BY_ADDRESS.put(key(socket.getLocalAddress().getHostAddress(), socket.getLocalPort()), this);
    }

    void unregister(DatagramSocket socket) {
        BY_ADDRESS.remove(key(socket.getLocalAddress().getHostAddress(), socket.getLocalPort()), this);
    }

    /** Whether the UDP socket bound to {@code host:port} is read into partitions. */
    static boolean serves(String host, int port) {
        return BY_ADDRESS.containsKey(key(host, port));
    }

    /**
     * When the oldest datagram that {@code host:port}'s socket received and no thread has taken
     * yet arrived ({@link System#nanoTime}); null when none waits or that socket is not ours.
     */
    static Long waitingSince(String host, int port) {
        DatagramPartitions queue = BY_ADDRESS.get(key(host, port));
        if (queue == null) {
            return null;
        }
        Long oldest = null;
        for (Part part : queue.parts) {
            if (part.queue.peek() instanceof Arrival head && (oldest == null || head.arrived - oldest < 0)) {
                oldest = head.arrived;
            }
        }
        return oldest;
    }

    /** The part a datagram belongs to: its Call-ID's lane (the first part when it has none). */
    int partOf(byte[] datagram) {
        String callId = RawSipHeads.callIdOf(datagram);
        return callId == null ? 0 : CallLanes.laneIndex(callId, parts.length);
    }

    @Override
    public boolean offer(DatagramQueuedMessageDispatch dispatch) {
        byte[] bytes = dispatch.packet.getData();
        Part part = parts[partOf(bytes)];
        boolean register = RawSipHeads.isRegister(bytes);
        Arrival arrival = register ? new Fence(dispatch) : new Arrival(dispatch);
        if (arrival.content != null && !part.waiting.add(arrival.content)) {
            return true; // a repeat of one still queued: that one is answered (see the class comment)
        }
        if (!part.queue.offer(arrival)) {
            return false; // never: the parts are unbounded
        }
        if (register) {
            ((Fence) arrival).awaitHandled();
        }
        return true;
    }

    @Override
    public void put(DatagramQueuedMessageDispatch dispatch) {
        offer(dispatch);
    }

    @Override
    public boolean offer(DatagramQueuedMessageDispatch dispatch, long timeout, TimeUnit unit) {
        return offer(dispatch);
    }

    /**
     * The calling thread's next datagram, from the part it took from before; a thread asking for
     * the first time gets the next part nobody takes from yet, and serves that part's lane.
     */
    @Override
    public DatagramQueuedMessageDispatch take() throws InterruptedException {
        Part part = partOfCaller();
        part.handled();
        return part.taken(part.queue.take());
    }

    @Override
    public DatagramQueuedMessageDispatch poll(long timeout, TimeUnit unit) throws InterruptedException {
        Part part = partOfCaller();
        part.handled();
        return part.taken(part.queue.poll(timeout, unit));
    }

    private Part partOfCaller() {
        Part part = mine.get();
        if (part == null) {
            part = parts[Math.floorMod(takers.getAndIncrement(), parts.length)];
            mine.set(part);
            CallLanes.adoptLane(part.index);
        }
        return part;
    }

    /** For an observer (the RI's congestion auditor): takes from the first part that has one. */
    @Override
    public DatagramQueuedMessageDispatch poll() {
        return fromFirstPart(part -> part.forget(part.queue.poll()));
    }

    @Override
    public DatagramQueuedMessageDispatch peek() {
        return fromFirstPart(part -> part.queue.peek());
    }

    private DatagramQueuedMessageDispatch fromFirstPart(Function<Part, DatagramQueuedMessageDispatch> look) {
        for (Part part : parts) {
            DatagramQueuedMessageDispatch head = look.apply(part);
            if (head != null) {
                return head;
            }
        }
        return null;
    }

    @Override
    public int size() {
        int size = 0;
        for (Part part : parts) {
            size += part.queue.size();
        }
        return size;
    }

    @Override
    public Iterator<DatagramQueuedMessageDispatch> iterator() {
        List<DatagramQueuedMessageDispatch> all = new ArrayList<>();
        for (Part part : parts) {
            all.addAll(part.queue);
        }
        return all.iterator();
    }

    @Override
    public int remainingCapacity() {
        return Integer.MAX_VALUE;
    }

    @Override
    public int drainTo(Collection<? super DatagramQueuedMessageDispatch> into) {
        return drainTo(into, Integer.MAX_VALUE);
    }

    @Override
    public int drainTo(Collection<? super DatagramQueuedMessageDispatch> into, int max) {
        int drained = 0;
        for (Part part : parts) {
            List<DatagramQueuedMessageDispatch> some = new ArrayList<>();
            drained += part.queue.drainTo(some, max - drained);
            some.forEach(part::forget);
            into.addAll(some);
        }
        return drained;
    }

    /** One part: its queue, what is in it, and the datagram its thread is handling (null between two). */
    private static final class Part {
        final int index;
        final BlockingQueue<DatagramQueuedMessageDispatch> queue = new LinkedBlockingQueue<>();
        /** The contents of the datagrams in {@link #queue}, to drop a repeat of one. */
        final Set<Content> waiting = ConcurrentHashMap.newKeySet();
        /** Only its own thread reads and writes it. */
        DatagramQueuedMessageDispatch current;

        Part(int index) {
            this.index = index;
        }

        /** {@code next} leaves the queue for its thread: from now on an identical datagram is queued again. */
        DatagramQueuedMessageDispatch taken(DatagramQueuedMessageDispatch next) {
            current = forget(next);
            return next;
        }

        /** {@code left} (null: none) is out of the queue; returns it. */
        DatagramQueuedMessageDispatch forget(DatagramQueuedMessageDispatch left) {
            if (left instanceof Arrival arrival && arrival.content != null) {
                waiting.remove(arrival.content);
            }
            return left;
        }

        /** The thread asks for its next datagram: the one before is handled. */
        void handled() {
            if (current instanceof Fence fence) {
                fence.release();
            }
            current = null;
        }
    }

    /** A datagram with the time it reached the queue, for {@link #waitingSince}. */
    private static class Arrival extends DatagramQueuedMessageDispatch {
        final long arrived = System.nanoTime();
        /** Null when repeats are queued too ({@link #DROP_QUEUED_REPEATS} off): nothing to compare. */
        final Content content;

        Arrival(DatagramQueuedMessageDispatch dispatch) {
            super(dispatch.packet, dispatch.getReceptionTime());
            content = DROP_QUEUED_REPEATS ? new Content(dispatch.packet) : null;
        }
    }

    /** A datagram's bytes and sender, compared whole: a retransmission is the same bytes again. */
    private static final class Content {
        private final byte[] bytes;
        private final int offset;
        private final int length;
        private final SocketAddress from;
        private final int hash;

        Content(DatagramPacket packet) {
            bytes = packet.getData();
            offset = packet.getOffset();
            length = packet.getLength();
            from = packet.getAddress() == null ? null : packet.getSocketAddress();
            int h = Objects.hashCode(from);
            for (int i = offset; i < offset + length; i++) {
                h = 31 * h + bytes[i];
            }
            hash = h;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Content other && hash == other.hash
                    && Arrays.equals(bytes, offset, offset + length, other.bytes, other.offset, other.offset + other.length)
                    && Objects.equals(from, other.from);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** A REGISTER the reader waits on until its part's thread asks for the next datagram. */
    private static final class Fence extends Arrival {
        private boolean handled;

        Fence(DatagramQueuedMessageDispatch dispatch) {
            super(dispatch);
        }

        synchronized void release() {
            handled = true;
            notifyAll();
        }

        synchronized void awaitHandled() {
            long deadline = System.nanoTime() + FENCE_NANOS;
            long left = FENCE_NANOS;
            while (!handled && left > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                left = deadline - System.nanoTime();
            }
        }
    }
}
