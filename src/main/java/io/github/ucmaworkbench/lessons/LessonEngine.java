package io.github.ucmaworkbench.lessons;

import io.github.ucmaworkbench.common.DaemonThreads;
import io.github.ucmaworkbench.rtc.EventHandler;
import io.github.ucmaworkbench.rtc.SignalingState;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
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
    private static final Set<LessonAction> STATE_ONLY =
            EnumSet.of(LessonAction.SIGN_IN, LessonAction.SIGN_OUT, LessonAction.LISTEN, LessonAction.STOP_LISTENING);

    private final LessonSides sides;
    private final ExecutorService actions = Executors.newSingleThreadExecutor(DaemonThreads.named("lesson-engine"));
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("lesson-clock"));
    private final Map<Side, SideLog> logs = new EnumMap<>(Side.class);
    private final Map<Side, Integer> actionMarks = new EnumMap<>(Side.class);
    private volatile Duration defaultStepTimeout = DEFAULT_STEP_TIMEOUT;
    private volatile BiConsumer<Side, StepCall> actionListener = (side, call) -> { };

    public LessonEngine(LessonSides sides) {
        this.sides = Objects.requireNonNull(sides, "sides");
        for (Side side : Side.values()) {
            logs.put(side, new SideLog());
            actionMarks.put(side, 0);
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
            Map<Side, Integer> marks = new EnumMap<>(Side.class);
            for (Side side : Side.values()) {
                if (step.action() == LessonAction.WATCH) {
                    // A watch step looks at what the step before it set off.
                    marks.put(side, actionMarks.get(side));
                } else {
                    marks.put(side, logs.get(side).size());
                    actionMarks.put(side, marks.get(side));
                }
            }
            if (STATE_ONLY.contains(step.action())) {
                Verdict already = evaluate(step, marks);
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
            ScheduledFuture<?>[] poller = new ScheduledFuture<?>[1];
            poller[0] = clock.scheduleWithFixedDelay(() -> {
                if (result.isDone()) {
                    poller[0].cancel(false);
                    return;
                }
                try {
                    Verdict verdict = evaluate(step, marks);
                    long now = System.nanoTime();
                    if (verdict.holds) {
                        result.complete(new StepResult(step, StepStatus.PASSED, "Seen: " + verdict.seen + ".", elapsed(started)));
                    } else if (verdict.unexpectedError != null) {
                        if (firstUnexpectedError[0] == 0) {
                            firstUnexpectedError[0] = now;
                        } else if (now - firstUnexpectedError[0] >= ERROR_GRACE.toNanos()) {
                            result.complete(new StepResult(step, StepStatus.FAILED, "The " + step.side().id() + "'s log says: "
                                    + verdict.unexpectedError, elapsed(started)));
                        }
                    } else if (now >= deadline) {
                        result.complete(new StepResult(step, StepStatus.FAILED, "Waited " + seconds(timeout) + " s for "
                                + verdict.missing + lastLines(marks), elapsed(started)));
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

    /** Calls the tutorial manager method behind the step's button. */
    private void perform(LessonStep step) {
        TutorialManager manager = step.side() == Side.CLIENT ? sides.client() : sides.server();
        StepCall call = step.call();
        switch (call.action()) {
            case SIGN_IN -> manager.signIn();
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
            case WATCH -> { }
            default -> throw new IllegalStateException("no behaviour for " + call.action());
        }
    }

    private record Verdict(boolean holds, String seen, String missing, String unexpectedError) {
    }

    private Verdict evaluate(LessonStep step, Map<Side, Integer> marks) {
        List<String> seen = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (List<Expectation> clause : step.outcome().clauses()) {
            String match = null;
            for (Expectation alternative : clause) {
                match = matches(alternative, marks);
                if (match != null) {
                    break;
                }
            }
            if (match != null) {
                seen.add(match);
            } else {
                missing.add(String.join(" or ", clause.stream().map(Expectation::toString).toList()));
            }
        }
        if (missing.isEmpty()) {
            return new Verdict(true, String.join("; ", seen), "", null);
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
        return new Verdict(false, String.join("; ", seen), String.join("; ", missing), unexpected);
    }

    /** What was seen when {@code expectation} holds, else null. */
    private String matches(Expectation expectation, Map<Side, Integer> marks) {
        Side side = expectation.side();
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
        return actual.equals(state.value()) ? state.toString() : null;
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
