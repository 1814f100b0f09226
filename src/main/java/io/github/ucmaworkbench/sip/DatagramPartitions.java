package io.github.ucmaworkbench.sip;

import gov.nist.javax.sip.stack.DatagramQueuedMessageDispatch;
import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.util.AbstractQueue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
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
 */
final class DatagramPartitions extends AbstractQueue<DatagramQueuedMessageDispatch>
        implements BlockingQueue<DatagramQueuedMessageDispatch> {
    /** How long the reader waits at a REGISTER fence at most; past it, order is best effort. */
    private static final long FENCE_NANOS = TimeUnit.SECONDS.toNanos(1);

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
        String callId = callIdOf(datagram);
        return callId == null ? 0 : CallLanes.laneIndex(callId, parts.length);
    }

    @Override
    public boolean offer(DatagramQueuedMessageDispatch dispatch) {
        byte[] bytes = dispatch.packet.getData();
        Part part = parts[partOf(bytes)];
        if (!isRegister(bytes)) {
            return part.queue.offer(new Arrival(dispatch));
        }
        Fence fence = new Fence(dispatch);
        if (!part.queue.offer(fence)) {
            return false; // never: the parts are unbounded
        }
        fence.awaitHandled();
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
        DatagramQueuedMessageDispatch next = part.queue.take();
        part.current = next;
        return next;
    }

    @Override
    public DatagramQueuedMessageDispatch poll(long timeout, TimeUnit unit) throws InterruptedException {
        Part part = partOfCaller();
        part.handled();
        DatagramQueuedMessageDispatch next = part.queue.poll(timeout, unit);
        part.current = next;
        return next;
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
        return fromFirstPart(Queue::poll);
    }

    @Override
    public DatagramQueuedMessageDispatch peek() {
        return fromFirstPart(Queue::peek);
    }

    private DatagramQueuedMessageDispatch fromFirstPart(
            Function<Queue<DatagramQueuedMessageDispatch>, DatagramQueuedMessageDispatch> look) {
        for (Part part : parts) {
            DatagramQueuedMessageDispatch head = look.apply(part.queue);
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
            drained += part.queue.drainTo(into, max - drained);
        }
        return drained;
    }

    /** A REGISTER request starts with its method, case-sensitively (RFC 3261 §7.1). */
    static boolean isRegister(byte[] datagram) {
        byte[] method = {'R', 'E', 'G', 'I', 'S', 'T', 'E', 'R', ' '};
        if (datagram.length < method.length) {
            return false;
        }
        for (int i = 0; i < method.length; i++) {
            if (datagram[i] != method[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The Call-ID header's value in a raw SIP message, as the parsed header gives it (long or
     * compact name, any case, spaces around the colon); null when the headers have none.
     */
    static String callIdOf(byte[] m) {
        int line = nextLine(m, 0); // past the start line
        while (line >= 0 && line < m.length && m[line] != '\r' && m[line] != '\n') {
            int colon = headerColon(m, line);
            if (colon > 0) {
                int start = colon + 1;
                while (start < m.length && (m[start] == ' ' || m[start] == '\t')) {
                    start++;
                }
                int end = start;
                while (end < m.length && m[end] != '\r' && m[end] != '\n') {
                    end++;
                }
                while (end > start && (m[end - 1] == ' ' || m[end - 1] == '\t')) {
                    end--;
                }
                return new String(m, start, end - start, StandardCharsets.ISO_8859_1);
            }
            line = nextLine(m, line);
        }
        return null;
    }

    /** Where the colon of a Call-ID header starting at {@code at} is; -1 for any other line. */
    private static int headerColon(byte[] m, int at) {
        int i = at;
        if (startsWithIgnoreCase(m, at, "call-id")) {
            i += "call-id".length();
        } else if ((m[at] | 0x20) == 'i') {
            i++;
        } else {
            return -1;
        }
        while (i < m.length && (m[i] == ' ' || m[i] == '\t')) {
            i++;
        }
        return i < m.length && m[i] == ':' ? i : -1;
    }

    private static boolean startsWithIgnoreCase(byte[] m, int at, String lower) {
        if (at + lower.length() > m.length) {
            return false;
        }
        for (int i = 0; i < lower.length(); i++) {
            if ((m[at + i] | 0x20) != lower.charAt(i)) { // '-' is unchanged by the case bit
                return false;
            }
        }
        return true;
    }

    /** The first byte after the line break that ends the line at {@code from}; -1 when none. */
    private static int nextLine(byte[] m, int from) {
        for (int i = from; i < m.length; i++) {
            if (m[i] == '\n') {
                return i + 1;
            }
        }
        return -1;
    }

    /** One part: its queue, and the datagram its thread is handling (null between two). */
    private static final class Part {
        final int index;
        final BlockingQueue<DatagramQueuedMessageDispatch> queue = new LinkedBlockingQueue<>();
        /** Only its own thread reads and writes it. */
        DatagramQueuedMessageDispatch current;

        Part(int index) {
            this.index = index;
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

        Arrival(DatagramQueuedMessageDispatch dispatch) {
            super(dispatch.packet, dispatch.getReceptionTime());
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
