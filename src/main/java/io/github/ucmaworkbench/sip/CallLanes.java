package io.github.ucmaworkbench.sip;

import java.util.Properties;
import java.util.ArrayDeque;
import java.util.Queue;
import javax.sip.Dialog;
import javax.sip.DialogTerminatedEvent;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.Transaction;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.TransactionUnavailableException;
import javax.sip.header.CallIdHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where our {@link javax.sip.SipListener}s do their work: a few "lanes", each one thread that
 * runs its tasks in order, and every event of a Call-ID always takes the same lane.
 *
 * <p>Why: the stack's single queue-fed UDP thread ({@code THREAD_POOL_SIZE=1}, see
 * {@link SipStacks}) keeps datagrams in arrival order, which the transaction layer needs (a 180
 * must reach the client transaction before its 200). With the stack's default non-re-entrant
 * listener, every callback of a stack then also runs on one more thread, the RI's
 * {@code EventScanner}, so one core does all of our work (routing, answering, encoding,
 * tracing) while the other idles: about 1,000 calls/s was the ceiling. A listener that declares
 * itself re-entrant ({@link #reentrant}) is called directly on the stack's threads (UDP reader,
 * TCP readers, timers) and only hands the event to its Call-ID's lane here. So the work of
 * different calls runs in parallel, while a call's own events keep the order the stack raised
 * them in: ACK before BYE, 180 before 200, a retransmitted INVITE after the first copy (whose
 * lane task has then already created the server transaction, so the copy is refused with
 * {@code TransactionAlreadyExistsException} and absorbed, RFC 3261 §17.2.1).
 *
 * <p>The lanes are shared by every stack of the process (daemon threads, never shut down): an
 * in-process client and server see the same Call-ID and simply take turns on one lane. Tasks
 * must not block, like any listener code.
 *
 * <p>A quiet call does not change threads at all: when the caller is a stack's UDP thread with
 * no datagram waiting behind this one ({@link ParseAhead#nothingWaitingForCaller()}) and no
 * lane has anything queued or running, the task runs right there, as a re-entrant listener's
 * code would. The hand-off (a wake-up of the lane thread per message) was most of what a
 * message cost on its way through the lesson's flow; the parallelism it buys only pays when
 * the stack's thread has other datagrams to read. Order is unchanged: the task is the lane's
 * next one, and whatever arrives for the lane meanwhile waits until it is done.
 *
 * <p>A stack whose UDP input is split by Call-ID ({@link DatagramPartitions}) has one UDP thread
 * per lane, and every datagram of the lane's calls reaches that thread: it runs its lane's tasks
 * in place whenever the lane is idle, busy process or not ({@link #adoptLane}), so a datagram is
 * read, parsed, routed and answered without changing threads again.
 */
public final class CallLanes {
    private static final Logger LOG = LoggerFactory.getLogger(CallLanes.class);
    /**
     * One lane per core, at least four; {@code -Ducma.sip.lanes=N} for A/B. At least four because
     * on 2 cores, where SIPp or the window share them, a lane whose thread lost its core held up
     * every call hashed to it: two lanes fell behind at 3,500 proxied calls/s in 4 of 7 rounds,
     * four in 1 of 7, at the same CPU per call; the server and the event thread measured no
     * different (BENCHMARKS.md, "### Registrar (bench 4)").
     */
    private static final CallLanes SHARED = new CallLanes(Math.max(1, Integer.getInteger("ucma.sip.lanes",
            Math.max(4, Runtime.getRuntime().availableProcessors()))));
    /** The lane whose task this thread runs in place of the lane's own thread ({@link Lane#runHereIfIdle}). */
    private static final ThreadLocal<Lane> INLINE = new ThreadLocal<>();
    /** The lane whose calls' datagrams this thread reads ({@link DatagramPartitions}); null on others. */
    private static final ThreadLocal<Lane> HOME = new ThreadLocal<>();

    private final Lane[] lanes;

    CallLanes(int count) {
        lanes = new Lane[count];
        for (int i = 0; i < count; i++) {
            lanes[i] = new Lane("sip-lane-" + i);
            lanes[i].start();
        }
    }

    /** The process-wide lanes. */
    public static CallLanes shared() {
        return SHARED;
    }

    /** Runs {@code task} after every task already handed in for the same {@code callId}. */
    public void execute(String callId, Runnable task) {
        Lane lane = lanes[laneIndex(callId == null ? "" : callId, lanes.length)];
        boolean here = HOME.get() == lane || ParseAhead.nothingWaitingForCaller() && allIdle();
        if (!(here && lane.runHereIfIdle(task))) {
            lane.add(task);
        }
    }

    /**
     * Which of {@code count} lanes a Call-ID's work takes; {@link DatagramPartitions} splits by the
     * same. The string hash's low bit is only the parity of the characters' sum (all of
     * "call-0@host" to "call-9@host" took one of two lanes), so its bits are mixed first
     * (MurmurHash3's finalizer).
     */
    static int laneIndex(String callId, int count) {
        int h = callId.hashCode();
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return Math.floorMod(h, count);
    }

    int laneCount() {
        return lanes.length;
    }

    /**
     * Makes the calling thread the reader of lane {@code index}'s calls: their tasks that it
     * raises run here at once when the lane has nothing else queued or running (a timer's task,
     * say), since every other datagram of those calls waits behind this thread anyway.
     */
    static void adoptLane(int index) {
        HOME.set(SHARED.lanes[index]);
    }

    /**
     * Runs {@code step}, a part of the current lane task that may block (a send that may open a
     * TCP or TLS connection: up to the stack's CONNECTION_TIMEOUT to a host that drops our SYN),
     * at once, unless this thread is a stack's UDP thread running a lane's task in place of the
     * lane ({@link #execute}): then {@code step} becomes that lane's next task, run by the lane's
     * own thread as soon as the current task returns and before anything else of its calls. The
     * stack's one UDP thread must never wait on a connection: every datagram of every call
     * waits behind it. {@code step} must handle its own failures (one that escapes is logged).
     */
    public static void mayBlock(Runnable step) {
        Lane lane = INLINE.get();
        if (lane == null) {
            step.run();
        } else {
            lane.add(step);
        }
    }

    /** No lane has work: the process is quiet, not between two messages of a busy second. */
    private boolean allIdle() {
        for (Lane lane : lanes) {
            if (!lane.idle) {
                return false;
            }
        }
        return true;
    }

    /** The Call-ID of a message; "" when it has none (a malformed message never gets this far). */
    public static String callIdOf(Message message) {
        CallIdHeader header = message == null ? null : (CallIdHeader) message.getHeader(CallIdHeader.NAME);
        return header == null ? "" : header.getCallId();
    }

    public static String callIdOf(TimeoutEvent event) {
        return callIdOf(event.isServerTransaction() ? event.getServerTransaction() : event.getClientTransaction());
    }

    public static String callIdOf(TransactionTerminatedEvent event) {
        return callIdOf(event.isServerTransaction() ? event.getServerTransaction() : event.getClientTransaction());
    }

    public static String callIdOf(DialogTerminatedEvent event) {
        Dialog dialog = event.getDialog();
        return dialog == null || dialog.getCallId() == null ? "" : dialog.getCallId().getCallId();
    }

    private static String callIdOf(Transaction transaction) {
        return transaction == null ? "" : callIdOf(transaction.getRequest());
    }

    /**
     * {@code event} with its server transaction, created now, on the stack thread that raised
     * it; null when the request is a retransmission whose first copy's transaction exists (that
     * transaction answers it, RFC 3261 §17.2.1). An ACK, an event that has a transaction, and a
     * request the stack refuses a transaction for come back as they are (the lane deals with them).
     *
     * <p>Why here and not on the lane: the stack matches a retransmission to its transaction
     * before it calls us, and the lane creates nothing until its turn. A retransmitted INVITE
     * read in between found neither a transaction nor, later, a fresh one: the RI took it for a
     * merged request and answered 482 Loop Detected (callers saw it under load), or a proxy
     * forwarded it as a new branch. The stack's one UDP thread reads the copy only after this
     * returns.
     */
    public static RequestEvent withServerTransaction(RequestEvent event) {
        Request request = event.getRequest();
        if (event.getServerTransaction() != null || Request.ACK.equals(request.getMethod())) {
            return event;
        }
        try {
            ServerTransaction st = ((SipProvider) event.getSource()).getNewServerTransaction(request);
            return new RequestEvent(event.getSource(), st, event.getDialog(), request);
        } catch (TransactionAlreadyExistsException retransmission) {
            return null;
        } catch (TransactionUnavailableException | RuntimeException e) {
            return event;
        }
    }

    /**
     * Marks stack properties for a listener that hands every event to {@link #execute}: the RI
     * then calls it on its own threads, without the {@code EventScanner} hop.
     */
    public static Properties reentrant(Properties props) {
        props.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        return props;
    }

    /**
     * One thread and its queue; a failing task is logged and the lane goes on. At most one task
     * of a lane runs at a time, on its thread or on a caller's ({@link #runHereIfIdle}).
     */
    private static final class Lane extends Thread {
        // guarded by this
        private final Queue<Runnable> queue = new ArrayDeque<>();
        // guarded by this: a task of this lane is running, here or on a caller's thread
        private boolean busy;
        /** Neither busy nor anything queued; read without the lock by {@link CallLanes#allIdle}. */
        volatile boolean idle = true;

        Lane(String name) {
            super(name);
            setDaemon(true);
        }

        synchronized void add(Runnable task) {
            queue.add(task);
            idle = false;
            if (!busy) {
                notifyAll();
            }
        }

        /** Runs {@code task} on the calling thread if it would be the lane's next task at once. */
        boolean runHereIfIdle(Runnable task) {
            synchronized (this) {
                if (busy || !queue.isEmpty()) {
                    return false;
                }
                busy = true;
                idle = false;
            }
            INLINE.set(this);
            try {
                runLogged(task);
            } finally {
                INLINE.remove();
                finished();
            }
            return true;
        }

        @Override
        public void run() {
            while (true) {
                Runnable task;
                synchronized (this) {
                    while (busy || queue.isEmpty()) {
                        try {
                            wait();
                        } catch (InterruptedException e) {
                            // nobody may stop a shared lane: the work of other stacks is queued here
                        }
                    }
                    task = queue.poll();
                    busy = true;
                }
                try {
                    runLogged(task);
                } finally {
                    finished();
                }
            }
        }

        /** A task of this lane ended, on whichever thread ran it. */
        private synchronized void finished() {
            busy = false;
            idle = queue.isEmpty();
            if (!idle) {
                notifyAll(); // queued meanwhile: the lane thread takes over (or goes on)
            }
        }

        private static void runLogged(Runnable task) {
            try {
                task.run();
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("SIP event handling failed", e);
            }
        }
    }
}
