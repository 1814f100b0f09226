package io.github.ucmaworkbench.bench;

import java.awt.AWTEvent;
import java.awt.EventQueue;
import java.awt.Toolkit;
import java.awt.event.InputEvent;
import java.awt.event.InvocationEvent;
import java.awt.event.PaintEvent;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Times every event the event thread dispatches: pushed onto the system event queue, it wraps
 * {@link EventQueue#dispatchEvent} with a clock, so a stall shows as the one dispatch that held
 * the thread, whatever posted it (a timer, invokeLater, a mouse click, a paint). A sampler thread
 * takes the event thread's stack once whenever a dispatch passes {@link #SAMPLE_AFTER_MILLIS}, so
 * the report can say which code stalled. Figures are read and reset between phases of a benchmark.
 */
final class EdtWatchdog extends EventQueue {
    static final long SAMPLE_AFTER_MILLIS = 50;
    private static final int BUCKETS = 10_001; // 1 ms each; the last one holds everything longer
    private static final int KEEP_LONGEST = 6;

    /**
     * One long dispatch: how long, what it was, where the event thread was when it first passed
     * {@link #SAMPLE_AFTER_MILLIS}, and a profile of the samples taken every 10 ms after that (one
     * sample can land on a bystander; the profile says where the time went).
     */
    record Stall(double millis, double cpuMillis, String event, String stack, String profile) {
    }

    /** A phase's figures; {@code byKind} is the longest dispatch per kind of event (input, timer, paint, other). */
    record Figures(long dispatches, double maxMillis, double p99Millis, double p999Millis, long over100,
            List<Stall> longest, Map<String, Double> byKind, Map<String, Double> cpuByKind, double cpuMillis) {
        String line(String phase) {
            return String.format(Locale.ROOT, "%s: %,d dispatches, longest %.1f ms, p99 %.1f ms, p99.9 %.1f ms, "
                    + "%d over 100 ms; longest by kind %s; on the CPU (the event thread's own time, which the "
                    + "machine's load does not stretch): longest %s, all dispatches %.0f ms", phase, dispatches, maxMillis,
                    p99Millis, p999Millis, over100, kinds(byKind), kinds(cpuByKind), cpuMillis);
        }

        private static String kinds(Map<String, Double> millis) {
            return millis.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %.0f", e.getKey(), e.getValue()))
                    .collect(Collectors.joining(", "));
        }
    }

    private final long[] histogram = new long[BUCKETS];
    private final List<Stall> longest = new ArrayList<>();
    private final Map<String, Double> byKind = new TreeMap<>();
    private final Map<String, Double> cpuByKind = new TreeMap<>();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long cpuNanos;
    private long dispatches;
    private long maxNanos;
    private long over100;
    private volatile Thread edt;
    private volatile long dispatchStarted;
    private volatile AWTEvent current;
    private volatile String sampledStack;
    private volatile long sampledFor;
    /** Later samples of the dispatch {@link #sampledFor}: its innermost frames, one entry per sample. */
    private final List<String> profileSamples = new ArrayList<>();

    private EdtWatchdog() {
    }

    /** Pushes a watchdog onto the system event queue; call it before the window is built. */
    static EdtWatchdog install() {
        EdtWatchdog watchdog = new EdtWatchdog();
        Toolkit.getDefaultToolkit().getSystemEventQueue().push(watchdog);
        Thread sampler = new Thread(watchdog::sample, "edt-watchdog-sampler");
        sampler.setDaemon(true);
        sampler.start();
        return watchdog;
    }

    @Override
    protected void dispatchEvent(AWTEvent event) {
        edt = Thread.currentThread();
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long outer = dispatchStarted;
        AWTEvent outerEvent = current;
        dispatchStarted = start;
        current = event;
        try {
            super.dispatchEvent(event);
        } finally {
            long took = System.nanoTime() - start;
            long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
            dispatchStarted = outer;
            current = outerEvent;
            record(event, took, cpu, start, outer != 0);
        }
    }

    /** {@code nested}: dispatched inside another (a modal dialog's loop), whose time already counts it. */
    private synchronized void record(AWTEvent event, long nanos, long cpu, long started, boolean nested) {
        dispatches++;
        if (!nested) {
            cpuNanos += cpu;
        }
        cpuByKind.merge(kind(event), cpu / 1e6, Math::max);
        maxNanos = Math.max(maxNanos, nanos);
        histogram[(int) Math.min(BUCKETS - 1, nanos / 1_000_000)]++;
        if (nanos >= 100_000_000) {
            over100++;
        }
        double millis = nanos / 1e6;
        byKind.merge(kind(event), millis, Math::max);
        if (longest.size() < KEEP_LONGEST || millis > longest.get(longest.size() - 1).millis()) {
            String stack = sampledFor == started ? sampledStack : "";
            String profile = sampledFor == started ? profile() : "";
            longest.add(new Stall(millis, cpu / 1e6, describe(event), stack, profile));
            longest.sort(Comparator.comparingDouble(Stall::millis).reversed());
            if (longest.size() > KEEP_LONGEST) {
                longest.remove(longest.size() - 1);
            }
        }
    }

    /** The figures since the last reset. */
    synchronized Figures figures() {
        return new Figures(dispatches, maxNanos / 1e6, percentile(0.99), percentile(0.999), over100, List.copyOf(longest),
                new TreeMap<>(byKind), new TreeMap<>(cpuByKind), cpuNanos / 1e6);
    }

    synchronized void reset() {
        java.util.Arrays.fill(histogram, 0);
        longest.clear();
        byKind.clear();
        cpuByKind.clear();
        cpuNanos = 0;
        dispatches = 0;
        maxNanos = 0;
        over100 = 0;
    }

    private double percentile(double p) {
        long rank = (long) Math.ceil(dispatches * p);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += histogram[i];
            if (seen >= rank && rank > 0) {
                return i + 1; // the bucket's upper edge: "no more than"
            }
        }
        return 0;
    }

    /** The samples of the dispatch just ended, grouped: "count x innermost frames". */
    private String profile() {
        Map<String, Integer> counts = new TreeMap<>();
        synchronized (profileSamples) {
            profileSamples.forEach(p -> counts.merge(p, 1, Integer::sum));
        }
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(4)
                .map(e -> e.getValue() + " x " + e.getKey()).collect(Collectors.joining("\n                 "));
    }

    /** Where the event thread is: its innermost frames, and the innermost frame of our own code. */
    private static String innermost(StackTraceElement[] stack) {
        String top = Stream.of(stack).limit(3).map(EdtWatchdog::frame).collect(Collectors.joining(" < "));
        String ours = Stream.of(stack).skip(3).filter(f -> f.getClassName().startsWith("io.github")).findFirst()
                .map(EdtWatchdog::frame).orElse("");
        return ours.isEmpty() ? top : top + " ... " + ours;
    }

    private static String frame(StackTraceElement f) {
        return f.getClassName().replaceFirst("^io\\.github\\.ucmaworkbench\\.", "") + "." + f.getMethodName() + ":" + f.getLineNumber();
    }

    /** Takes the event thread's stack once per long dispatch, then every 10 ms while it lasts. */
    private void sample() {
        while (true) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
            long started = dispatchStarted;
            Thread thread = edt;
            if (thread != null && started != 0 && sampledFor == started) {
                String where = innermost(thread.getStackTrace());
                if (dispatchStarted == started) {
                    synchronized (profileSamples) {
                        profileSamples.add(where);
                    }
                }
            } else if (thread != null && started != 0
                    && System.nanoTime() - started > SAMPLE_AFTER_MILLIS * 1_000_000) {
                StackTraceElement[] stack = thread.getStackTrace();
                synchronized (profileSamples) {
                    profileSamples.clear();
                    profileSamples.add(innermost(stack));
                }
                sampledStack = Stream.of(stack)
                        .filter(f -> f.getClassName().startsWith("io.github") || f.getClassName().startsWith("javax.swing")
                                || f.getClassName().startsWith("org.fife") || f.getClassName().startsWith("org.commonmark"))
                        .limit(8)
                        .map(EdtWatchdog::frame)
                        .collect(Collectors.joining(" < "));
                sampledFor = started;
            }
        }
    }

    /** input (mouse, keys), timer (Swing timers: the logs' and the ladder's batches), paint, other invokeLater. */
    private static String kind(AWTEvent event) {
        if (event instanceof InputEvent) {
            return "input";
        }
        String text = event instanceof InvocationEvent ? event.toString() : "";
        if (text.contains("Timer$DoPostEvent")) {
            return "timer";
        }
        if (text.contains("RepaintManager") || event instanceof PaintEvent) {
            return "paint";
        }
        return "other";
    }

    private static String describe(AWTEvent event) {
        if (event instanceof InvocationEvent) {
            String text = event.toString();
            int runnable = text.indexOf("runnable=");
            if (runnable >= 0) {
                String rest = text.substring(runnable + 9);
                int end = rest.indexOf(',');
                return "invocation " + (end > 0 ? rest.substring(0, end) : rest).replaceAll("@[0-9a-f]+$", "");
            }
        }
        return event.getClass().getSimpleName() + " " + event.paramString().replaceAll(",.*", "");
    }
}
