package io.github.ucmaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.rtc.RealTimeAddress;
import io.github.ucmaworkbench.rtc.SignalingSession;
import io.github.ucmaworkbench.rtc.SipAuthenticationProtocols;
import io.github.ucmaworkbench.rtc.SipEndpoint;
import io.github.ucmaworkbench.rtc.SipTransportType;
import io.github.ucmaworkbench.trace.ladder.LadderArrow;
import io.github.ucmaworkbench.trace.ladder.LadderColumn;
import io.github.ucmaworkbench.trace.ladder.LadderModel;
import io.github.ucmaworkbench.ui.ServerPanel;
import io.github.ucmaworkbench.ui.ladder.LadderView;
import io.github.ucmaworkbench.ui.log.ProgressLogPanel;
import java.awt.Dimension;
import java.awt.Point;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.swing.SwingUtilities;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.timing.Condition;
import org.assertj.swing.timing.Pause;
import org.assertj.swing.timing.Timeout;
import org.junit.jupiter.api.Test;

/**
 * Classroom mode in the teacher's window: a whole class of students' endpoints (in this JVM, on
 * loopback) sign in to the window's registrar at once and call the window's server; the server's
 * policy answers all of them, the window keeps answering the user, and the ladder groups by caller.
 */
class ClassroomWindowTest extends WindowTest {
    static final int STUDENTS = 50;
    /** Far beyond a repaint, far below "frozen": the event thread must never stall this long. */
    static final long FROZEN_MILLIS = 3_000;
    /** Fifty calls' log lines and arrows drain in batches; give them longer than one call. */
    static final long CALLS_MILLIS = 30_000;

    private final List<SipEndpoint> students = new ArrayList<>();

    @Override
    protected void onSetUp() {
        open(aWindow().asMainShowsIt().shownAt(new Dimension(1280, 900), new Point(0, 0)));
    }

    @Override
    protected void closeOthers() {
        for (SipEndpoint student : students) {
            student.close();
        }
    }

    @Test
    void aWholeClassCallsTheTeachersServerAndTheLadderGroupsByCaller() throws Exception {
        LadderView ladder = GuiActionRunner.execute(() -> (LadderView) SwingUtilities.getAncestorOfClass(
                LadderView.class, robot().finder().findByName(window.target(), LadderView.CANVAS)));
        GuiActionRunner.execute(ladder::clear); // earlier tests' peers in this JVM are not this class
        window.button(ServerPanel.SIGN_IN).click();
        waitUntil("server may listen", () -> window.button(ServerPanel.LISTEN).target().isEnabled());
        window.button(ServerPanel.LISTEN).click();
        waitFor(window, ServerPanel.LOG_NAME, "Listening on ");
        for (int i = 1; i <= STUDENTS; i++) {
            students.add(new SipEndpoint(String.format("sip:student%02d@example.com", i),
                    SipAuthenticationProtocols.NONE, SipTransportType.TCP, "127.0.0.1",
                    app.workbench().registrarAddress().getPort(), true, null, null));
        }

        AtomicLong longestStall = new AtomicLong();
        AtomicBoolean probing = new AtomicBoolean(true);
        Thread probe = new Thread(() -> measureEventThread(probing, longestStall), "edt-probe");
        probe.start();
        List<CompletableFuture<Void>> calls = new ArrayList<>();
        ExecutorService classroom = Executors.newFixedThreadPool(STUDENTS);
        try {
            for (SipEndpoint student : students) {
                calls.add(CompletableFuture.runAsync(() -> signInAndCall(student), classroom));
            }
            groupByCaller(); // the teacher works while the class calls
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(90, TimeUnit.SECONDS);
        } finally {
            classroom.shutdownNow();
            probing.set(false);
            probe.join();
        }

        waitUntil("the server reports every caller", () -> Arrays.stream(
                window.list(ServerPanel.LOG_NAME + ProgressLogPanel.LIST).contents())
                .filter(l -> l.contains("Invite arrived from sip:student")).count() == STUDENTS, CALLS_MILLIS);
        Pause.pause(new Condition("every student's call on the ladder") {
            @Override
            public boolean test() {
                return GuiActionRunner.execute(() -> studentCallers(ladder).size() == STUDENTS);
            }

            @Override
            protected String descriptionAddendum() {
                return GuiActionRunner.execute(() -> "; callers seen: " + studentCallers(ladder).size() + ", ladder: "
                        + robot().finder().findByName(window.target(), LadderView.STATUS, javax.swing.JLabel.class)
                                .getText());
            }
        }, Timeout.timeout(CALLS_MILLIS));

        GuiActionRunner.execute(() -> {
            LadderModel model = ladder.model();
            assertThat(model.isGroupByCaller()).isTrue();
            assertThat(model.columns()).extracting(LadderColumn::kind).containsOnlyOnce(LadderColumn.Kind.CALLERS);
            assertThat(model.columns()).hasSizeLessThanOrEqualTo(4); // client, registrar, server, callers
            assertCallersAreContiguous(model, ladder.shownArrows());
            return null;
        });
        assertThat(longestStall.get()).as("longest event-thread stall (ms)").isLessThan(FROZEN_MILLIS);
        if (ScreenshotsTest.wanted()) {
            GuiActionRunner.execute(() -> { // the picture shows where one student's group starts
                int[] rows = ladder.shownArrows();
                for (int row = 1; row < rows.length; row++) {
                    if (ladder.model().arrow(rows[row]).caller().equals("student25@example.com")) {
                        ladder.selectArrow(rows[Math.min(rows.length - 1, row + 6)]);
                        ladder.selectArrow(rows[row]);
                        break;
                    }
                }
            });
            ScreenshotsTest.capture(window, robot(), "classroom.png");
        }
    }

    /**
     * Clicks "By caller". Its click was lost now and then with fifty calls on the event thread
     * (Xvfb, no window manager); nothing but this click selects the toggle, so a toggle still not
     * selected once the click's events are handled proves the click lost: then click once more.
     */
    private void groupByCaller() {
        javax.swing.JToggleButton toggle = window.toggleButton(LadderView.GROUP_BY_CALLER).target();
        for (int attempt = 1; attempt <= 2; attempt++) {
            window.toggleButton(LadderView.GROUP_BY_CALLER).click();
            try {
                waitUntil("By caller selected", () -> GuiActionRunner.execute(toggle::isSelected), 5_000);
                return;
            } catch (org.assertj.swing.exception.WaitTimedOutError e) {
                if (attempt == 2) {
                    throw e;
                }
            }
        }
    }

    private static List<String> studentCallers(LadderView ladder) {
        return ladder.model().callers().stream().filter(c -> c.startsWith("student")).toList();
    }

    private void signInAndCall(SipEndpoint student) {
        try {
            student.register();
            SignalingSession session = new SignalingSession(student, new RealTimeAddress("sip:server@example.com"));
            session.participate();
            session.terminate();
            student.unregister();
        } catch (Exception e) {
            throw new AssertionError(student.getUri() + ": " + e.getMessage(), e);
        }
    }

    /** Rows come caller by caller: once a caller's group ends, none of its arrows comes later. */
    private static void assertCallersAreContiguous(LadderModel model, int[] rows) {
        Set<String> finished = new HashSet<>();
        String current = null;
        for (int arrowIndex : rows) {
            LadderArrow arrow = model.arrow(arrowIndex);
            if (!arrow.caller().equals(current)) {
                assertThat(finished).as("caller %s appears in two groups", arrow.caller()).doesNotContain(arrow.caller());
                if (current != null) {
                    finished.add(current);
                }
                current = arrow.caller();
            }
        }
    }

    /** Posts an empty task to the event thread every 50 ms and keeps the longest wait for it. */
    private static void measureEventThread(AtomicBoolean probing, AtomicLong longest) {
        while (probing.get()) {
            long start = System.nanoTime();
            try {
                SwingUtilities.invokeAndWait(() -> { });
                Thread.sleep(50);
            } catch (Exception e) {
                return;
            }
            longest.accumulateAndGet(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) - 50, Math::max);
        }
    }

}
