package io.github.ucmaworkbench.bench;

import static io.github.ucmaworkbench.testing.ComponentTree.find;
import static io.github.ucmaworkbench.trace.Direction.RECEIVED;
import static io.github.ucmaworkbench.trace.Direction.SENT;
import static io.github.ucmaworkbench.trace.TraceEvents.CLIENT;
import static io.github.ucmaworkbench.trace.TraceEvents.CLIENT_ADDR;
import static io.github.ucmaworkbench.trace.TraceEvents.REGISTRAR;
import static io.github.ucmaworkbench.trace.TraceEvents.REGISTRAR_ADDR;
import static io.github.ucmaworkbench.trace.TraceEvents.SERVER;
import static io.github.ucmaworkbench.trace.TraceEvents.SERVER_ADDR;

import io.github.ucmaworkbench.trace.SipTrace;
import io.github.ucmaworkbench.trace.SipTraceEvent;
import io.github.ucmaworkbench.trace.TraceEvents;
import io.github.ucmaworkbench.ui.ladder.LadderView;
import io.github.ucmaworkbench.ui.ladder.WireTracePanel;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;

/**
 * Feeds 10,000 SIP messages (each traced by sender and receiver: 20,000 records, 1,000 calls)
 * into a showing LadderView as one flood from a "stack" thread and prints how the event thread
 * fared (latency of a probe posted every 5 ms), how long until all arrows were drawn, and what one
 * paint of the visible part costs at the top, middle and bottom. A harness, not a test: run it
 * under a display, e.g.
 * {@code xvfb-run -a mvn -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.github.ucmaworkbench.bench.LadderBenchmark}.
 */
public final class LadderBenchmark {
    private static final int CALLS = 1_000;

    private LadderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<SipTraceEvent> events = flood();
        SipTrace trace = new SipTrace();
        WireTracePanel[] panel = new WireTracePanel[1];
        JFrame[] frame = new JFrame[1];
        SwingUtilities.invokeAndWait(() -> {
            panel[0] = new WireTracePanel(trace);
            frame[0] = new JFrame("ladder benchmark");
            frame[0].setContentPane(panel[0]);
            frame[0].setSize(1200, 800);
            frame[0].setVisible(true);
        });
        LadderView ladder = panel[0].ladder();
        JComponent canvas = (JComponent) find(ladder, LadderView.CANVAS);

        System.out.printf(Locale.ROOT, "machine: %d cores, load average %.1f, max heap %d MB%n",
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().maxMemory() >> 20);
        for (String round : List.of("cold (first flood, JIT warming up)", "warm (second flood, after Clear)")) {
            SwingUtilities.invokeAndWait(ladder::clear);
            flood(trace, events, ladder, round);
        }

        for (String where : List.of("top", "middle", "bottom")) {
            double[] times = new double[30];
            SwingUtilities.invokeAndWait(() -> {
                Rectangle visible = canvas.getVisibleRect();
                int y = switch (where) {
                    case "top" -> 0;
                    case "middle" -> canvas.getHeight() / 2;
                    default -> canvas.getHeight() - visible.height;
                };
                canvas.scrollRectToVisible(new Rectangle(0, y, 1, visible.height));
            });
            for (int i = 0; i < times.length; i++) {
                int n = i;
                SwingUtilities.invokeAndWait(() -> {
                    Rectangle visible = canvas.getVisibleRect();
                    long t0 = System.nanoTime();
                    canvas.paintImmediately(visible);
                    times[n] = ms(System.nanoTime() - t0);
                });
            }
            Arrays.sort(times);
            System.out.printf(Locale.ROOT, "paint of the visible ladder (%s, %dx%d px): median %.2f ms, max %.2f ms%n",
                    where, canvas.getVisibleRect().width, canvas.getVisibleRect().height, times[times.length / 2],
                    times[times.length - 1]);
        }
        double[] scroll = new double[1];
        SwingUtilities.invokeAndWait(() -> {
            Rectangle visible = canvas.getVisibleRect();
            long t0 = System.nanoTime();
            int pages = 0;
            for (int y = 0; y < canvas.getHeight(); y += visible.height) {
                canvas.scrollRectToVisible(new Rectangle(0, y, 1, visible.height));
                canvas.paintImmediately(canvas.getVisibleRect());
                pages++;
            }
            scroll[0] = ms(System.nanoTime() - t0) / pages;
        });
        System.out.printf(Locale.ROOT, "scrolling page by page through all arrows: %.2f ms per page%n", scroll[0]);
        Runtime rt = Runtime.getRuntime();
        System.gc();
        System.out.printf(Locale.ROOT, "heap in use after load: %d MB%n", (rt.totalMemory() - rt.freeMemory()) >> 20);
        SwingUtilities.invokeAndWait(() -> {
            panel[0].close();
            frame[0].dispose();
        });
        System.exit(0);
    }

    private static void flood(SipTrace trace, List<SipTraceEvent> events, LadderView ladder, String round)
            throws Exception {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicBoolean probing = new AtomicBoolean(true);
        Thread probe = new Thread(() -> {
            while (probing.get()) {
                long posted = System.nanoTime();
                SwingUtilities.invokeLater(() -> latencies.add(System.nanoTime() - posted));
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "edt-probe");
        probe.setDaemon(true);
        probe.start();
        Thread.sleep(300);
        latencies.clear();

        long start = System.nanoTime();
        Thread stack = new Thread(() -> events.forEach(trace::publish), "fake-sip-stack");
        stack.start();
        stack.join();
        long published = System.nanoTime();
        int expected = events.size() / 2;
        int[] shown = new int[1];
        while (shown[0] < expected) {
            SwingUtilities.invokeAndWait(() -> shown[0] = ladder.model().size());
            Thread.sleep(5);
        }
        long drawn = System.nanoTime();
        Thread.sleep(300);
        probing.set(false);
        probe.join();

        long[] lat = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "%s:%n", round);
        System.out.printf(Locale.ROOT, "  records published: %,d (%,d messages, %,d calls) in %.0f ms%n",
                events.size(), expected, CALLS, ms(published - start));
        System.out.printf(Locale.ROOT, "  all %,d arrows in the view after %.0f ms%n", expected, ms(drawn - start));
        System.out.printf(Locale.ROOT, "  EDT probe latency (%d probes): median %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                lat.length, ms(pct(lat, 50)), ms(pct(lat, 90)), ms(pct(lat, 99)), ms(lat[lat.length - 1]));
    }

    /** 1,000 calls of INVITE/200/ACK/BYE/200 through the registrar, each record twice. */
    private static List<SipTraceEvent> flood() {
        TraceEvents t = new TraceEvents();
        List<SipTraceEvent> out = new ArrayList<>(CALLS * 20);
        long ms = 0;
        for (int c = 0; c < CALLS; c++) {
            String call = "bench-" + c;
            String b = "z9hG4bK" + c;
            for (String method : List.of("INVITE", "ACK", "BYE")) {
                int cseq = method.equals("BYE") ? 2 : 1;
                String cb = b + method;
                String rb = b + method + "r";
                out.add(t.request(CLIENT, SENT, CLIENT_ADDR, REGISTRAR_ADDR, method, call, cseq, CLIENT_ADDR, cb, ms++));
                out.add(t.request(REGISTRAR, RECEIVED, REGISTRAR_ADDR, CLIENT_ADDR, method, call, cseq, CLIENT_ADDR, cb, ms));
                out.add(t.request(REGISTRAR, SENT, REGISTRAR_ADDR, SERVER_ADDR, method, call, cseq, REGISTRAR_ADDR, rb, ms++));
                out.add(t.request(SERVER, RECEIVED, SERVER_ADDR, REGISTRAR_ADDR, method, call, cseq, REGISTRAR_ADDR, rb, ms));
                if (method.equals("ACK")) {
                    continue;
                }
                out.add(t.response(SERVER, SENT, SERVER_ADDR, REGISTRAR_ADDR, 200, "OK", method, call, cseq, REGISTRAR_ADDR, rb, ms++));
                out.add(t.response(REGISTRAR, RECEIVED, REGISTRAR_ADDR, SERVER_ADDR, 200, "OK", method, call, cseq, REGISTRAR_ADDR, rb, ms));
                out.add(t.response(REGISTRAR, SENT, REGISTRAR_ADDR, CLIENT_ADDR, 200, "OK", method, call, cseq, CLIENT_ADDR, cb, ms++));
                out.add(t.response(CLIENT, RECEIVED, CLIENT_ADDR, REGISTRAR_ADDR, 200, "OK", method, call, cseq, CLIENT_ADDR, cb, ms));
            }
        }
        return out;
    }

    private static long pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, sorted.length * p / 100)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
