package io.github.ucmaworkbench.bench;

import io.github.ucmaworkbench.registrar.RegistrarConfig;
import io.github.ucmaworkbench.registrar.RegistrarService;
import io.github.ucmaworkbench.rtc.RealTimeAddress;
import io.github.ucmaworkbench.rtc.RealTimeException;
import io.github.ucmaworkbench.rtc.RealTimeServerConnectionManager;
import io.github.ucmaworkbench.rtc.SignalingSession;
import io.github.ucmaworkbench.rtc.SignalingState;
import io.github.ucmaworkbench.rtc.SipAuthenticationProtocols;
import io.github.ucmaworkbench.rtc.SipEndpoint;
import io.github.ucmaworkbench.rtc.SipTransportType;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark 2: the lesson-6 flow in-process, warm — both sides sign in, the client's INVITE is
 * accepted (200, ACK), the client hangs up (BYE), both sign out — timed end to end, p50/p99.
 * Two variants: "fresh" creates both endpoints per flow, as the tutorial managers do on every
 * sign-in; "reuse" signs the same two endpoints in and out. Prints figures, asserts nothing.
 *
 * <p>Usage: {@code FlowBench [transport tcp|udp|tls] [warmup] [measured]} (tls: a throw-away
 * workbench certificate in a temporary directory). {@code -Dflow.freshWarmup=N}: the fresh
 * variant's own warm-up (default: warmup), as it costs ten times a reused flow. Each FLOW line
 * says how long the JIT compiled during its measured flows ({@code jit_ms_during}): "warm" is
 * only true where that is near 0.
 */
public final class FlowBench {
    private static final RealTimeAddress SERVER = new RealTimeAddress("sip:server@example.com");

    private FlowBench() {
    }

    public static void main(String[] args) throws Exception {
        SipTransportType transport = args.length > 0 ? SipTransportType.valueOf(args[0].toUpperCase(Locale.ROOT)) : SipTransportType.TCP;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int measured = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        RegistrarConfig.Builder config = RegistrarConfig.builder().port(0);
        if (transport == SipTransportType.TLS) {
            io.github.ucmaworkbench.sip.tls.TlsMaterial material = io.github.ucmaworkbench.sip.tls.TlsMaterial
                    .workbench(java.nio.file.Files.createTempDirectory("flowbench-tls"), java.util.List.of());
            io.github.ucmaworkbench.sip.tls.TlsMaterial.setDefault(() -> material);
            config.tls(io.github.ucmaworkbench.sip.tls.TlsSource.of(material));
        }
        try (RegistrarService registrar = new RegistrarService(config.build())) {
            registrar.start();
            int port = (transport == SipTransportType.TLS ? registrar.getTlsAddress() : registrar.getLocalAddress()).getPort();
            // -Dflow.variants=reuse: only the reused pair (quicker A/B rounds).
            int freshWarmup = Integer.getInteger("flow.freshWarmup", warmup);
            for (String variant : System.getProperty("flow.variants", "fresh,reuse").split(",")) {
                boolean fresh = "fresh".equals(variant.trim());
                report(variant.trim(), transport, run(port, transport, fresh ? freshWarmup : warmup, measured, fresh));
            }
        }
        System.exit(0);
    }

    private static double[] run(int port, SipTransportType transport, int warmup, int measured, boolean fresh)
            throws Exception {
        double[] millis = new double[measured];
        long cpuAtStart = 0;
        java.util.Map<String, Long> switchesAtStart = java.util.Map.of();
        long jitAtStart = jitMillis();
        Pair pair = fresh ? null : Pair.create(port, transport);
        try {
            for (int i = -warmup; i < measured; i++) {
                Pair p = fresh ? Pair.create(port, transport) : pair;
                long start = System.nanoTime();
                flow(p);
                long took = System.nanoTime() - start;
                if (fresh) {
                    p.close();
                }
                if (i >= 0) {
                    millis[i] = took / 1e6;
                } else if (i == -1) {
                    reportSteps("warmup-discarded");
                    cpuAtStart = processCpuNanos();
                    switchesAtStart = voluntarySwitches();
                    jitAtStart = jitMillis();
                }
            }
            // Read before the reused pair closes: its two stacks' shutdown is not a flow's cost.
            cpuMillisPerFlow = (processCpuNanos() - cpuAtStart) / 1e6 / Math.max(1, measured);
            switchesPerFlow = switchesSince(switchesAtStart) / (double) Math.max(1, measured);
            jitMillisDuring = jitMillis() - jitAtStart;
        } finally {
            if (pair != null) {
                pair.close();
            }
        }
        return millis;
    }

    /** How long the JIT compiled while the measured flows ran: their CPU and latency include it. */
    private static long jitMillisDuring;

    private static long jitMillis() {
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
    }

    /** CPU of the whole process per measured flow: how much of a flow's time is work, not waiting. */
    private static double cpuMillisPerFlow;

    /**
     * Times a thread of this process went to sleep per measured flow (Linux: voluntary context
     * switches of every thread): the thread hand-offs and waits a flow costs, which unlike its
     * time does not depend on what else the machine runs. -1 without /proc. A thread that ended
     * during the flows takes its switches with it (the sum once went negative): counted per
     * thread, those are left out, so this is a floor.
     */
    private static double switchesPerFlow;

    private static long switchesSince(java.util.Map<String, Long> before) {
        java.util.Map<String, Long> now = voluntarySwitches();
        if (now == null || before == null) {
            return -1;
        }
        long sum = 0;
        for (java.util.Map.Entry<String, Long> thread : now.entrySet()) {
            sum += thread.getValue() - before.getOrDefault(thread.getKey(), 0L);
        }
        return sum;
    }

    /** Voluntary context switches by thread id, or null without /proc. */
    private static java.util.Map<String, Long> voluntarySwitches() {
        java.util.Map<String, Long> byThread = new java.util.HashMap<>();
        try (java.nio.file.DirectoryStream<java.nio.file.Path> tasks = java.nio.file.Files.newDirectoryStream(
                java.nio.file.Path.of("/proc/self/task"))) {
            for (java.nio.file.Path task : tasks) {
                try {
                    for (String line : java.nio.file.Files.readAllLines(task.resolve("status"))) {
                        if (line.startsWith("voluntary_ctxt_switches:")) {
                            byThread.put(task.getFileName().toString(), Long.parseLong(line.substring(line.indexOf(':') + 1).trim()));
                        }
                    }
                } catch (java.io.IOException | RuntimeException threadEnded) {
                    // a thread that ended meanwhile: its switches are not counted
                }
            }
        } catch (java.io.IOException | RuntimeException noProc) {
            return null;
        }
        return byThread;
    }

    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    /** Sign in both, INVITE accepted (server saw the ACK), BYE, sign out both. */
    private static void flow(Pair p) throws Exception {
        p.accepted = new CompletableFuture<>();
        p.disconnected = new CompletableFuture<>();
        long t0 = System.nanoTime();
        p.server.register();
        if (!p.manager.isListening()) {
            p.manager.startListening(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        }
        long t1 = System.nanoTime();
        p.client.register();
        long t2 = System.nanoTime();
        SignalingSession session = new SignalingSession(p.client, SERVER);
        session.participate();
        long t3 = System.nanoTime();
        p.accepted.get(10, TimeUnit.SECONDS);
        long t4 = System.nanoTime();
        session.terminate();
        // Waits on the server session's own event: a spin loop here took one of the machine's two
        // cores from the threads that do the work it waits for.
        p.disconnected.get(10, TimeUnit.SECONDS);
        long t5 = System.nanoTime();
        p.client.unregister();
        long t6 = System.nanoTime();
        p.server.unregister();
        long t7 = System.nanoTime();
        long[] marks = {t0, t1, t2, t3, t4, t5, t6, t7};
        for (int i = 0; i < STEPS.length; i++) {
            STEP_NANOS[i] += marks[i + 1] - marks[i];
        }
        stepFlows++;
    }

    /** What each part of the flow cost on average (the last run's flows): where the time goes. */
    private static final String[] STEPS = {"server-register+listen", "client-register", "invite-200",
        "server-sees-ack", "bye-and-disconnected", "client-unregister", "server-unregister"};
    private static final long[] STEP_NANOS = new long[STEPS.length];
    private static int stepFlows;

    private static void reportSteps(String variant) {
        StringBuilder line = new StringBuilder("FLOW-STEPS variant=" + variant);
        for (int i = 0; i < STEPS.length; i++) {
            line.append(String.format(Locale.ROOT, " %s=%.2fms", STEPS[i], STEP_NANOS[i] / 1e6 / Math.max(1, stepFlows)));
            STEP_NANOS[i] = 0;
        }
        stepFlows = 0;
        System.out.println(line);
    }

    private static void report(String variant, SipTransportType transport, double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        reportSteps(variant);
        System.out.printf(Locale.ROOT, "FLOW variant=%s transport=%s n=%d p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f cpu_ms_per_flow=%.2f sleeps_per_flow=%.0f jit_ms_during=%d%n",
                variant, transport, sorted.length, pct(sorted, 50), pct(sorted, 90), pct(sorted, 99),
                sorted[sorted.length - 1], cpuMillisPerFlow, switchesPerFlow, jitMillisDuring);
    }

    private static double pct(double[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** A listening server endpoint that accepts every invite, and a client endpoint. */
    private static final class Pair implements AutoCloseable {
        final RealTimeServerConnectionManager manager = new RealTimeServerConnectionManager();
        final SipEndpoint server;
        final SipEndpoint client;
        volatile CompletableFuture<SignalingSession> accepted = new CompletableFuture<>();
        volatile CompletableFuture<Void> disconnected = new CompletableFuture<>();

        private Pair(int port, SipTransportType transport) {
            server = new SipEndpoint("sip:server@example.com", SipAuthenticationProtocols.NONE, transport, "127.0.0.1",
                    port, true, manager, null);
            client = new SipEndpoint("sip:client@example.com", SipAuthenticationProtocols.NONE, transport, "127.0.0.1",
                    port, true, null, null);
            server.sessionReceived().add((sender, e) -> {
                CompletableFuture<Void> gone = disconnected;
                e.getSession().stateChanged().add((session, change) -> {
                    if (change.getState() == SignalingState.DISCONNECTED) {
                        gone.complete(null);
                    }
                });
                accept(e.getSession());
            });
        }

        private void accept(SignalingSession incoming) {
            incoming.beginParticipate(ar -> {
                try {
                    incoming.endParticipate(ar);
                    accepted.complete(incoming);
                } catch (RealTimeException ex) {
                    accepted.completeExceptionally(ex);
                }
            }, null);
        }

        static Pair create(int port, SipTransportType transport) {
            return new Pair(port, transport);
        }

        @Override
        public void close() {
            client.close();
            server.close();
            manager.close();
        }
    }
}
