package io.github.ucmaworkbench.sip;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JAIN-SIP reads each TCP connection on a "PipelineThread-N" whose parser can throw on input it
 * does not expect (a run of bare CRs: ArrayIndexOutOfBoundsException in
 * {@code PipelinedMsgParser.readLine}); the thread then dies and the JVM printed a stack trace on
 * the console. That is malformed input like any other: one line, at most every ten seconds, in
 * the malformed-input log. A reader that was still reading when its stack stopped dies too (the
 * RI's timer refuses it a task): that is the stop, not the input, so it says nothing. Every other
 * thread's death goes to the handler there was before.
 */
final class ParserThreadDeaths implements Thread.UncaughtExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(MalformedInputReporter.LOGGER_NAME);
    private static final Logger UNCAUGHT = LoggerFactory.getLogger(ParserThreadDeaths.class);
    private static final long INTERVAL_MILLIS = 10_000;

    private final Thread.UncaughtExceptionHandler previous;
    private final AtomicLong lastLine = new AtomicLong(); // 1970: the first death is always told
    private final AtomicLong sinceLastLine = new AtomicLong();

    private ParserThreadDeaths(Thread.UncaughtExceptionHandler previous) {
        this.previous = previous;
    }

    /** Installs the handler once for the process. */
    static synchronized void install() {
        if (!(Thread.getDefaultUncaughtExceptionHandler() instanceof ParserThreadDeaths)) {
            Thread.setDefaultUncaughtExceptionHandler(new ParserThreadDeaths(Thread.getDefaultUncaughtExceptionHandler()));
        }
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        if (!thread.getName().startsWith("PipelineThread") || error instanceof Error && !(error instanceof StackOverflowError)) {
            if (previous != null) {
                previous.uncaughtException(thread, error);
            } else {
                // Not the thread group: with no handler of its own it asks the JVM's default
                // handler, which is this one, and so on until the stack overflowed (seen once in
                // four server stops, when a worker died after "Server stopped."). Say it once here.
                UNCAUGHT.error("Thread {} ended on an error nobody caught", thread.getName(), error);
            }
            return;
        }
        if (stackStopped(error)) {
            return;
        }
        long count = sinceLastLine.incrementAndGet();
        long now = System.currentTimeMillis();
        long last = lastLine.get();
        if (now - last >= INTERVAL_MILLIS && lastLine.compareAndSet(last, now)) {
            sinceLastLine.addAndGet(-count);
            LOG.warn("stopped reading {} TCP connection(s) whose input the SIP parser could not read ({})", count,
                    error.toString());
        }
    }

    /** The RI's {@code DefaultSipTimer.schedule} after {@code SipStack.stop()}. */
    private static boolean stackStopped(Throwable error) {
        return error instanceof IllegalStateException && error.getMessage() != null
                && error.getMessage().contains("Timer has been stopped");
    }
}
