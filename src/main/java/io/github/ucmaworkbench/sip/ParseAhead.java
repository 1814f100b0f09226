package io.github.ucmaworkbench.sip;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import gov.nist.javax.sip.parser.StringMsgParser;
import gov.nist.javax.sip.stack.MessageProcessor;
import java.net.DatagramSocket;
import java.text.ParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * UDP datagrams parsed ahead on a few threads, while the stack still takes them one by one in
 * arrival order.
 *
 * <p>Why: the stack reads UDP on one queue-fed thread ({@code THREAD_POOL_SIZE=1}, see
 * {@link SipStacks}), because more threads would hand the transaction layer one call's messages
 * out of order. JFR showed that thread as the ceiling of the {@code server} and the registrar
 * under load, and half of its time was the RI's message parser, which needs no order at all.
 * So the listening socket ({@link CompactDatagramSocket}) queues each datagram here as it
 * arrives and a worker parses it; when the stack's one thread asks our parser
 * ({@link ReportingParserFactory}) for that datagram, the message is usually ready. Order stays
 * the stack's: it still processes datagrams one after another, as they arrived.
 *
 * <p>The match is by content, never by position alone: the stack's thread takes datagrams in the
 * order they were queued here, so every queued datagram ahead of the one it asks for was either
 * handed over already or dropped by the stack (its congestion control) and is thrown away; an
 * identical retransmission gets an identical message. A datagram with a parse problem of any
 * kind is parsed again on the stack's thread, the ordinary way, so what is reported and answered
 * does not change. Only sizeable datagrams are queued (a keep-alive CRLF is not).
 *
 * <p>Only a backlog is fanned out. A datagram that finds nothing waiting for the stack's thread
 * is parsed by the socket's reader itself before the stack sees it: the reader is awake anyway,
 * and a worker's wake-up per datagram made every message of a quiet call (the lesson's flow)
 * wait for one more thread on a 2-core machine. Under load the stack's thread is behind, the
 * datagrams queue up, and those go to the workers as before.
 *
 * <p>The same count tells {@link CallLanes} whether the stack's thread may do a call's work
 * itself ({@link #nothingWaitingForCaller()}).
 *
 * <p>A stack whose UDP input is split by Call-ID ({@link PartitionedUdpProcessors}) parses on its
 * per-lane threads and takes no part in this; it is the way of a stack that keeps the RI's one
 * UDP thread ({@code -Ducma.sip.udpPartitions=false}).
 */
final class ParseAhead {
    /** {@code -Ducma.sip.parseAhead=false} leaves every datagram to the stack's own thread. */
    static final boolean ENABLED = Boolean.parseBoolean(System.getProperty("ucma.sip.parseAhead", "true"));
    /** Smaller datagrams (keep-alives) are not worth a hand-off; the take side uses the same rule. */
    static final int MIN_LENGTH = 32;
    private static final MessageParser PARSER = new StringMsgParser();
    private static final Map<String, ParseAhead> BY_ADDRESS = new ConcurrentHashMap<>();
    private static final ThreadPoolExecutor WORKERS = workers();
    /** Thrown by the strict listener: any complaint sends the datagram the ordinary way. */
    private static final ParseExceptionListener STRICT = (e, message, headerClass, header, text) -> {
        throw e;
    };

    /** The stack thread that takes this socket's datagrams, once it has taken one (pool size 1). */
    private static final ThreadLocal<ParseAhead> TAKER = new ThreadLocal<>();

    private final Queue<Item> queue = new ConcurrentLinkedQueue<>();
    /** Datagrams queued and not yet taken by the stack's thread: its backlog. */
    private final AtomicInteger waiting = new AtomicInteger();

    private static ThreadPoolExecutor workers() {
        AtomicInteger n = new AtomicInteger();
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                task -> {
                    Thread t = new Thread(task, "sip-parse-ahead-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true); // an idle workbench keeps no parser threads
        return pool;
    }

    private static String key(java.net.InetAddress address, int port) {
        return address.getHostAddress() + ":" + port;
    }

    /** Starts parsing ahead for {@code socket}'s datagrams (a stack's listening socket). */
    static ParseAhead register(DatagramSocket socket) {
        ParseAhead ahead = new ParseAhead();
        BY_ADDRESS.put(key(socket.getLocalAddress(), socket.getLocalPort()), ahead);
        return ahead;
    }

    /**
     * When the oldest datagram that {@code host:port}'s socket received and the stack has not
     * taken yet arrived ({@link System#nanoTime}), or null when none waits (or nothing parses
     * ahead there).
     */
    static Long waitingSince(String host, int port) {
        ParseAhead ahead = BY_ADDRESS.get(host + ":" + port);
        Item head = ahead == null ? null : ahead.queue.peek();
        return head == null ? null : head.arrived;
    }

    static void unregister(DatagramSocket socket, ParseAhead ahead) {
        BY_ADDRESS.remove(key(socket.getLocalAddress(), socket.getLocalPort()), ahead);
    }

    /** Called by the socket's one reader, in arrival order, with a datagram of its own array. */
    void arrived(byte[] datagram) {
        if (datagram.length < MIN_LENGTH) {
            return;
        }
        Item item = new Item(datagram);
        boolean backlog = waiting.getAndIncrement() > 0;
        if (!backlog) {
            item.parse(); // here, on the reader: the stack cannot ask for it before receive returns
        }
        queue.add(item);
        if (backlog) {
            WORKERS.execute(item::parse);
        }
    }

    /**
     * True on a stack's UDP thread whose socket has no datagram waiting behind the one it is
     * handling: work done here now delays nobody. False on any other thread (TCP readers,
     * timers, ours), and with parsing ahead switched off.
     */
    static boolean nothingWaitingForCaller() {
        ParseAhead ahead = TAKER.get();
        return ahead != null && ahead.waiting.get() == 0;
    }

    /**
     * The message parsed ahead from {@code bytes}, received by {@code processor}'s socket; null:
     * parse it the ordinary way (not queued, or a parse problem to report).
     */
    static SIPMessage take(MessageProcessor processor, byte[] bytes) {
        if (bytes.length < MIN_LENGTH) {
            return null;
        }
        ParseAhead ahead = BY_ADDRESS.get(key(processor.getIpAddress(), processor.getPort()));
        return ahead == null ? null : ahead.take(bytes);
    }

    synchronized SIPMessage take(byte[] bytes) {
        if (bytes.length < MIN_LENGTH) {
            return null; // never queued: looking for it would throw away everything queued
        }
        if (TAKER.get() != this) {
            TAKER.set(this);
        }
        Item item;
        while ((item = queue.poll()) != null) {
            waiting.decrementAndGet();
            if (Arrays.equals(item.bytes, bytes)) {
                return item.await();
            }
            item.drop(); // ahead of the one asked for, so handed over already or dropped by the stack
        }
        return null;
    }

    /** The parse the stack would do, but strict: any complaint leaves it to the ordinary path. */
    static SIPMessage parseStrictly(byte[] bytes) {
        if (ReportingParserFactory.viaWithComment(bytes) != null) {
            return null; // the RI's parser must never see one (it loops)
        }
        try {
            SIPMessage message = PARSER.parseSIPMessage(bytes, true, false, STRICT);
            if (message == null || ReportingParserFactory.missingMandatory(message) != null) {
                return null;
            }
            if (message instanceof SIPRequest request) {
                if (request.getRequestLine() == null || !request.getMethod().equalsIgnoreCase(request.getCSeq().getMethod())) {
                    return null;
                }
                RequestValidation.noteRawFacts(request, bytes);
            }
            return message;
        } catch (ParseException | RuntimeException e) {
            return null;
        }
    }

    /**
     * One queued datagram: parsed by the reader (nothing was waiting), by a worker (a backlog) or,
     * if no worker has started on it yet, by the stack's thread.
     */
    private static final class Item {
        private static final int QUEUED = 0;
        private static final int PARSING = 1;
        private static final int DONE = 2;
        private static final int DROPPED = 3;

        final byte[] bytes;
        final long arrived = System.nanoTime();
        private final AtomicInteger state = new AtomicInteger(QUEUED);
        private volatile SIPMessage message;
        private volatile Thread waiter;

        Item(byte[] bytes) {
            this.bytes = bytes;
        }

        void parse() {
            if (state.compareAndSet(QUEUED, PARSING)) {
                message = parseStrictly(bytes);
                state.set(DONE);
                Thread w = waiter;
                if (w != null) {
                    LockSupport.unpark(w);
                }
            }
        }

        void drop() {
            state.compareAndSet(QUEUED, DROPPED);
        }

        SIPMessage await() {
            if (state.compareAndSet(QUEUED, PARSING)) {
                message = parseStrictly(bytes); // no worker got to it yet: no reason to wait for one
                state.set(DONE);
                return message;
            }
            for (int spin = 0; spin < 200 && state.get() != DONE; spin++) {
                Thread.onSpinWait();
            }
            if (state.get() != DONE) {
                waiter = Thread.currentThread();
                while (state.get() != DONE) {
                    LockSupport.parkNanos(this, 1_000_000L);
                }
            }
            return message;
        }
    }
}
