package io.github.ucmaworkbench.lessons;

import io.github.ucmaworkbench.common.DaemonThreads;
import io.github.ucmaworkbench.rtc.EventHandler;
import io.github.ucmaworkbench.rtc.SignalingState;
import io.github.ucmaworkbench.trace.SipTraceEvent;
import io.github.ucmaworkbench.tutorial.ProgressEventArgs;
import io.github.ucmaworkbench.tutorial.ProgressLevel;
import io.github.ucmaworkbench.tutorial.ServerManager;
import io.github.ucmaworkbench.tutorial.TutorialManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * Runs lesson steps against the tutorial managers, with or without a window: calls the same
 * manager method the step's button calls, then watches both progress logs and the managers'
 * states until the step's {@link Outcome} holds (PASSED), an unexpected error line appears on
 * the acting side, or the step's time is up (FAILED, with the reason).
 *
 * <p>Never blocks its caller: actions run on the engine's own thread (signing in builds a SIP
 * stack, listening binds a port), so a window can call {@link #run} from its event thread and
 * marshal the result back itself.
 *
 * <p>A sign-in, sign-out, listen or stop-listening step whose outcome already holds (the student
 * signed in by hand) passes without running again: its only purpose is to reach that state.
 */
public final class LessonEngine implements AutoCloseable {
    /** How long a step's outcome may take unless the step says otherwise. */
    public static final Duration DEFAULT_STEP_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(40);
    /** An unexpected error line fails the step only if the outcome does not follow right after it. */
    private static final Duration ERROR_GRACE = Duration.ofMillis(300);
    /** A step with a {@code not} expectation passes only once everything held this long (a late line would break it). */
    private static final Duration NOT_SETTLE = Duration.ofMillis(600);
    /** How many traced messages the engine keeps for wire expectations. */
    private static final int WIRE_KEPT = 4000;
    private static final Set<LessonAction> STATE_ONLY =
            EnumSet.of(LessonAction.SIGN_IN, LessonAction.SIGN_OUT, LessonAction.LISTEN, LessonAction.STOP_LISTENING);

    private final LessonSides sides;
    private final ExecutorService actions = Executors.newSingleThreadExecutor(DaemonThreads.named("lesson-engine"));
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("lesson-clock"));
    private final Map<Side, SideLog> logs = new EnumMap<>(Side.class);
    private final ConcurrentLinkedDeque<SipTraceEvent> wire = new ConcurrentLinkedDeque<>();
    /**
     * The deque's length, kept apart: its {@code size()} walks every node, and {@link #traced} runs
     * on whichever stack or lane thread delivers the trace. Walking 4,000 nodes per message made
     * delivery slower than a load test's arrivals, so that thread delivered for ever and the calls
     * of its lane were never served (their ACKs "never came").
     */
    private final AtomicInteger wireLength = new AtomicInteger();
    private final AutoCloseable wireSubscription;
    private volatile long wireSeen;
    private volatile Duration defaultStepTimeout = DEFAULT_STEP_TIMEOUT;
    private volatile BiConsumer<Side, StepCall> actionListener = (side, call) -> { };

    public LessonEngine(LessonSides sides) {
        this.sides = Objects.requireNonNull(sides, "sides");
        for (Side side : Side.values()) {
            logs.put(side, new SideLog());
        }
        wireSubscription = sides.trace().subscribe(this::traced);
    }

    /** Only queues: the trace's subscribers must return at once. */
    private void traced(SipTraceEvent event) {
        wire.addLast(event);
        wireSeen = Math.max(wireSeen, event.sequence());
        if (wireLength.incrementAndGet() > WIRE_KEPT && wire.pollFirst() != null) {
            wireLength.decrementAndGet();
        }
    }

    public void setDefaultStepTimeout(Duration timeout) {
        defaultStepTimeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** Told (on the engine's thread) just before a step calls its manager: the window highlights the button. */
    public void setActionListener(BiConsumer<Side, StepCall> listener) {
        actionListener = listener == null ? (side, call) -> { } : listener;
    }

    /** Starts {@code step}; the future completes (on an engine thread) with its result. */
    public CompletableFuture<StepResult> run(LessonStep step) {
        CompletableFuture<StepResult> result = new CompletableFuture<>();
        actions.execute(() -> start(step, result));
        return result;
    }

    /** Runs {@code step} and waits for its result: for the command line and tests. */
    public StepResult runAndWait(LessonStep step) throws InterruptedException {
        try {
            return run(step).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the lesson engine failed", e.getCause());
        }
    }

    private void start(LessonStep step, CompletableFuture<StepResult> result) {
        long started = System.nanoTime();
        try {
            logs.get(Side.CLIENT).attach(sides.client());
            logs.get(Side.SERVER).attach(sides.server());
            // Every step, a watch step too, counts only what happens from now on: a line or message
            // of the step before cannot make it pass.
            Map<Side, Integer> marks = new EnumMap<>(Side.class);
            long wireMark = wireSeen;
            for (Side side : Side.values()) {
                marks.put(side, logs.get(side).size());
            }
            Verdict already = evaluate(step, marks, wireMark);
            if (STATE_ONLY.contains(step.action())) {
                if (already.holds) {
                    result.complete(new StepResult(step, StepStatus.PASSED, "Already so: " + already.seen + ".", elapsed(started)));
                    return;
                }
            }
            actionListener.accept(step.side(), step.call());
            perform(step);
            Duration timeout = step.timeout() == null ? defaultStepTimeout : step.timeout();
            long deadline = started + timeout.toNanos();
            long[] firstUnexpectedError = {0};
            long[] heldSince = {0};
            boolean hasNot = step.outcome().all().stream().anyMatch(e -> e instanceof Expectation.Not);
            List<Boolean> heldBefore = already.checks.stream().map(StepResult.Check::held).toList();
            ScheduledFuture<?>[] poller = new ScheduledFuture<?>[1];
            poller[0] = clock.scheduleWithFixedDelay(() -> {
                if (result.isDone()) {
                    poller[0].cancel(false);
                    return;
                }
                try {
                    Verdict verdict = evaluate(step, marks, wireMark);
                    long now = System.nanoTime();
                    String stale = verdict.holds ? nothingHappened(step, verdict, heldBefore) : null;
                    if (stale != null) {
                        verdict = new Verdict(false, verdict.seen, stale, verdict.unexpectedError, verdict.checks,
                                verdict.forbiddenSeen);
                    }
                    if (verdict.holds && hasNot && heldSince[0] == 0) {
                        heldSince[0] = now;
                    } else if (!verdict.holds) {
                        heldSince[0] = 0;
                    }
                    if (verdict.holds && (!hasNot || now - heldSince[0] >= NOT_SETTLE.toNanos())) {
                        result.complete(new StepResult(step, StepStatus.PASSED, "Seen: " + verdict.seen + ".", elapsed(started),
                                verdict.checks));
                    } else if (verdict.holds) {
                        return;
                    } else if (verdict.forbiddenSeen != null) {
                        // What a 'not' line forbids cannot un-happen: no need to wait out the time.
                        result.complete(new StepResult(step, StepStatus.FAILED, "It happened, and must not: "
                                + verdict.forbiddenSeen + ".", elapsed(started), verdict.checks));
                    } else if (verdict.unexpectedError != null) {
                        if (firstUnexpectedError[0] == 0) {
                            firstUnexpectedError[0] = now;
                        } else if (now - firstUnexpectedError[0] >= ERROR_GRACE.toNanos()) {
                            result.complete(new StepResult(step, StepStatus.FAILED, "The " + step.side().id() + "'s log says: "
                                    + verdict.unexpectedError, elapsed(started), verdict.checks));
                        }
                    } else if (now >= deadline) {
                        result.complete(new StepResult(step, StepStatus.FAILED, "Waited " + seconds(timeout) + " s for "
                                + verdict.missing + lastLines(marks), elapsed(started), verdict.checks));
                    }
                } catch (RuntimeException e) {
                    result.complete(new StepResult(step, StepStatus.FAILED, "Could not check the outcome: " + e, elapsed(started)));
                }
                if (result.isDone()) {
                    poller[0].cancel(false);
                }
            }, 0, POLL.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            result.complete(new StepResult(step, StepStatus.FAILED, "The step could not run: " + e.getMessage(), elapsed(started)));
        }
    }

    /**
     * Null when something the step looks for happened after it started; else why not. A state
     * that already held before the step is no evidence (a step expecting only that would pass in
     * 0 ms having checked nothing); a {@code not} line is none either.
     */
    private static String nothingHappened(LessonStep step, Verdict verdict, List<Boolean> heldBefore) {
        List<List<Expectation>> clauses = step.outcome().clauses();
        boolean anyPositive = false;
        for (int i = 0; i < clauses.size(); i++) {
            boolean onlyNot = clauses.get(i).stream().allMatch(e -> e instanceof Expectation.Not);
            anyPositive |= !onlyNot;
            if (!onlyNot && !heldBefore.get(i)) {
                return null;
            }
        }
        return anyPositive ? "something to happen during the step (" + verdict.seen + " was already so before it started)" : null;
    }

    /** Calls the tutorial manager method behind the step's button. */
    private void perform(LessonStep step) {
        TutorialManager manager = step.side() == Side.CLIENT ? sides.client() : sides.server();
        StepCall call = step.call();
        switch (call.action()) {
            case SIGN_IN -> manager.signIn();
            case SIGN_IN_WITH -> manager.signIn(call.trialSettings(manager.getSettings()));
            case SIGN_OUT -> manager.signOut();
            case LISTEN -> sides.server().startListening();
            case STOP_LISTENING -> sides.server().stopListening();
            case SEND_INVITE -> sides.client().sendInvite(List.of(), false);
            case SEND_INVITE_SYNC -> sides.client().sendInvite(List.of(), true);
            case SEND_INVITE_HEADERS -> sides.client().sendInvite(call.headers(), false);
            case HANG_UP -> manager.hangUp();
            case SEND_MESSAGE -> sides.client().sendMessage(call.argument());
            case SET_POLICY -> sides.applyAcceptPolicy(call.policy());
            case SET_TIMEOUT -> sides.applyOperationTimeout(step.side(), call.timeout());
            case SET_RING_TIMEOUT -> sides.applyRingTimeout(call.ringTimeout());
            case WATCH -> { }
            default -> throw new IllegalStateException("no behaviour for " + call.action());
        }
    }

    private record Verdict(boolean holds, String seen, String missing, String unexpectedError, List<StepResult.Check> checks,
            String forbiddenSeen) {
    }

    private Verdict evaluate(LessonStep step, Map<Side, Integer> marks, long wireMark) {
        List<String> seen = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<StepResult.Check> checks = new ArrayList<>();
        for (List<Expectation> clause : step.outcome().clauses()) {
            String match = null;
            for (Expectation alternative : clause) {
                match = matches(alternative, marks, wireMark);
                if (match != null) {
                    break;
                }
            }
            String text = String.join(" or ", clause.stream().map(Expectation::toString).toList());
            if (match != null) {
                seen.add(match);
                checks.add(new StepResult.Check(text, true, match));
            } else {
                missing.add(text);
                checks.add(new StepResult.Check(text, false, notSeen(clause, marks, wireMark)));
            }
        }
        if (missing.isEmpty()) {
            return new Verdict(true, String.join("; ", seen), "", null, checks, null);
        }
        String unexpected = null;
        boolean errorExpected = step.outcome().all().stream().anyMatch(e -> e.side() == step.side()
                && e instanceof Expectation.Line line && line.level() != ProgressLevel.INFO);
        if (!errorExpected && step.action() != LessonAction.WATCH) {
            for (ProgressEventArgs line : logs.get(step.side()).since(marks.get(step.side()))) {
                if (line.level() == ProgressLevel.ERROR) {
                    unexpected = line.message();
                    break;
                }
            }
        }
        String forbidden = null;
        for (List<Expectation> clause : step.outcome().clauses()) {
            if (clause.size() == 1 && clause.get(0) instanceof Expectation.Not not) {
                String happened = matches(not.expectation(), marks, wireMark);
                if (happened != null && forbidden == null) {
                    forbidden = happened;
                }
            }
        }
        return new Verdict(false, String.join("; ", seen), String.join("; ", missing), unexpected, checks, forbidden);
    }

    /** Why a clause does not hold, in one phrase. */
    private String notSeen(List<Expectation> clause, Map<Side, Integer> marks, long wireMark) {
        for (Expectation e : clause) {
            if (e instanceof Expectation.Not not) {
                String seen = matches(not.expectation(), marks, wireMark);
                if (seen != null) {
                    return "it happened: " + seen;
                }
            }
        }
        Expectation first = clause.get(0);
        if (first instanceof Expectation.State state) {
            return "the " + state.side().id() + "'s " + state.kind().id() + " is " + stateOf(state.side(), state.kind());
        }
        if (first instanceof Expectation.Wire w) {
            List<String> lines = wireSince(w.side(), wireMark).stream().map(SipTraceEvent::firstLine).toList();
            return lines.isEmpty() ? "the " + w.side().id() + " " + w.direction().name().toLowerCase(java.util.Locale.ROOT)
                    + " no message" : "the " + w.side().id() + "'s messages: " + String.join(", ", lines);
        }
        return "not in the log";
    }

    private List<SipTraceEvent> wireSince(Side side, long wireMark) {
        String party = (side == Side.CLIENT ? sides.client() : sides.server()).getSettings().uri();
        return wire.stream().filter(e -> e.sequence() > wireMark && e.party().equalsIgnoreCase(party)).toList();
    }

    /** What was seen when {@code expectation} holds, else null. */
    private String matches(Expectation expectation, Map<Side, Integer> marks, long wireMark) {
        Side side = expectation.side();
        if (expectation instanceof Expectation.Not not) {
            return matches(not.expectation(), marks, wireMark) == null ? "no " + not.expectation() : null;
        }
        if (expectation instanceof Expectation.Wire w) {
            for (SipTraceEvent event : wireSince(side, wireMark)) {
                if (WireExpectations.matches(w, event.party(), event)) {
                    return side.id() + " " + w.direction().name().toLowerCase(java.util.Locale.ROOT) + " \"" + event.firstLine() + "\"";
                }
            }
            return null;
        }
        if (expectation instanceof Expectation.Line line) {
            for (ProgressEventArgs event : logs.get(side).since(marks.get(side))) {
                if ((line.level() == null || line.level() == event.level()) && event.message().contains(line.text())) {
                    return side.id() + " said \"" + event.message() + "\"";
                }
            }
            return null;
        }
        Expectation.State state = (Expectation.State) expectation;
        String actual = stateOf(side, state.kind());
        String wanted = state.value();
        if (state.kind() == Expectation.StateKind.RING_TIMEOUT && wanted.equals("default")) {
            wanted = sides.client().getClientSettings().ringTimeout().toMillis() + "ms";
        }
        return actual.equals(wanted) ? state.toString() : null;
    }

    private String stateOf(Side side, Expectation.StateKind kind) {
        TutorialManager manager = side == Side.CLIENT ? sides.client() : sides.server();
        return switch (kind) {
            case REGISTRATION -> manager.getRegistrationState().name();
            case SESSION -> {
                SignalingState state = manager.getSessionState();
                yield state == null ? "NONE" : state.name();
            }
            case LISTENING -> String.valueOf(manager instanceof ServerManager server && server.isListening());
            case TIMEOUT -> manager.getOperationTimeout().toMillis() + "ms";
            case RING_TIMEOUT -> sides.client().getRingTimeout().toMillis() + "ms";
        };
    }

    private String lastLines(Map<Side, Integer> marks) {
        StringBuilder text = new StringBuilder(".");
        for (Side side : Side.values()) {
            List<ProgressEventArgs> lines = logs.get(side).since(marks.get(side));
            if (!lines.isEmpty()) {
                text.append(" Last ").append(side.id()).append(" line: \"").append(lines.get(lines.size() - 1).message()).append("\".");
            }
        }
        return text.toString();
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? String.valueOf(d.toSeconds()) : String.valueOf(d.toMillis() / 1000.0);
    }

    private static Duration elapsed(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    @Override
    public void close() {
        try {
            wireSubscription.close();
        } catch (Exception e) {
            // Unsubscribing from the trace cannot fail in a way that matters here.
        }
        for (SideLog log : logs.values()) {
            log.attach(null);
        }
        actions.shutdownNow();
        clock.shutdownNow();
    }


    /** One side's progress lines, from whichever manager the window currently has. */
    private static final class SideLog {
        private final List<ProgressEventArgs> lines = new CopyOnWriteArrayList<>();
        private final EventHandler<ProgressEventArgs> handler = (sender, e) -> lines.add(e);
        private TutorialManager attached;

        synchronized void attach(TutorialManager manager) {
            if (manager == attached) {
                return;
            }
            if (attached != null) {
                attached.progress().remove(handler);
            }
            attached = manager;
            if (manager != null) {
                manager.progress().add(handler);
            }
        }

        int size() {
            return lines.size();
        }

        List<ProgressEventArgs> since(int mark) {
            List<ProgressEventArgs> all = List.copyOf(lines);
            return mark >= all.size() ? List.of() : all.subList(mark, all.size());
        }
    }
}
