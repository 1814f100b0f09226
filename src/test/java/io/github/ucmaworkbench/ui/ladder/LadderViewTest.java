package io.github.ucmaworkbench.ui.ladder;

import static io.github.ucmaworkbench.trace.Direction.RECEIVED;
import static io.github.ucmaworkbench.trace.Direction.SENT;
import static io.github.ucmaworkbench.trace.TraceEvents.CLIENT;
import static io.github.ucmaworkbench.trace.TraceEvents.CLIENT_ADDR;
import static io.github.ucmaworkbench.trace.TraceEvents.REGISTRAR;
import static io.github.ucmaworkbench.trace.TraceEvents.REGISTRAR_ADDR;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.rtc.SipTransportType;
import io.github.ucmaworkbench.trace.LessonSixFlow;
import io.github.ucmaworkbench.trace.SipTrace;
import io.github.ucmaworkbench.trace.SipTraceEvent;
import io.github.ucmaworkbench.trace.TraceEvents;
import io.github.ucmaworkbench.trace.ladder.LadderArrow;
import io.github.ucmaworkbench.ui.GuiTest;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.Point;
import java.awt.Rectangle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import javax.swing.JFrame;
import javax.swing.JScrollPane;
import javax.swing.SwingUtilities;
import org.assertj.swing.core.MouseButton;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.timing.Condition;
import org.assertj.swing.timing.Pause;
import org.assertj.swing.timing.Timeout;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ladder and the inspector in a test frame, fed through a trace stream as the stacks feed it. */
class LadderViewTest extends GuiTest {
    private static List<SipTraceEvent> lessonSix;

    @TempDir
    Path dir;

    private SipTrace trace;
    private WireTracePanel panel;
    private FrameFixture window;

    @BeforeAll
    static void recordARealLessonSixFlow() throws Exception {
        lessonSix = LessonSixFlow.run(SipTrace.global(), SipTransportType.TCP);
    }

    @Override
    protected void onSetUp() {
        trace = new SipTrace();
        panel = GuiActionRunner.execute(() -> new WireTracePanel(trace));
        JFrame frame = GuiActionRunner.execute(() -> {
            JFrame f = new JFrame("ladder test");
            f.setContentPane(panel);
            return f;
        });
        window = new FrameFixture(robot(), frame);
        window.show(new Dimension(1200, 700));
    }

    @Override
    protected void onTearDown() {
        GuiActionRunner.execute(() -> panel.close());
    }

    /** Publishes on another thread, as a SIP stack does. */
    private void publishFromAStackThread(List<SipTraceEvent> events) throws Exception {
        Thread stack = new Thread(() -> events.forEach(trace::publish), "fake-sip-stack");
        stack.start();
        stack.join(TimeUnit.SECONDS.toMillis(10));
    }

    private void awaitOnEdt(String description, Supplier<Boolean> condition) {
        Pause.pause(new Condition(description) {
            @Override
            public boolean test() {
                return GuiActionRunner.execute(condition::get);
            }
        }, Timeout.timeout(10_000));
    }

    private LadderView ladder() {
        return panel.ladder();
    }

    private Point centreOfRowOf(LadderArrow arrow) {
        return GuiActionRunner.execute(() -> {
            LadderCanvas canvas = ladder().canvas();
            int row = -1;
            for (int r = 0; r < ladder().rowCount(); r++) {
                if (ladder().rowArrow(r) == arrow.index()) {
                    row = r;
                }
            }
            Rectangle bounds = canvas.rowBounds(row);
            canvas.scrollRectToVisible(bounds);
            int x = new LadderGeometry(ladder().model().columns().size(), canvas.getWidth())
                    .x(ladder().model().from(arrow).index()) + 30;
            return new Point(x, bounds.y + bounds.height / 2);
        });
    }

    private void click(LadderArrow arrow) {
        Point point = centreOfRowOf(arrow);
        robot().click(ladder().canvas(), point, MouseButton.LEFT_BUTTON, 1);
        robot().waitForIdle();
    }

    private static Component scrollPaneOf(Component view) {
        return SwingUtilities.getAncestorOfClass(JScrollPane.class, view);
    }

    @Test
    void clickingAnInviteArrowShowsItsRawTextInTheInspector() throws Exception {
        publishFromAStackThread(lessonSix);
        awaitOnEdt("every message drawn", () -> ladder().model().size() == lessonSix.size() / 2);
        LadderArrow invite = GuiActionRunner.execute(() -> ladder().model().arrows().stream()
                .filter(a -> a.isRequest() && a.method().equals("INVITE")).findFirst().orElseThrow());

        // The raw text is what the inspector is for: it has most of the height even before the
        // first click, when it is empty (an empty row above it once took the space).
        int[] heights = GuiActionRunner.execute(() -> new int[] {
            scrollPaneOf(window.textBox(MessageInspector.RAW_TEXT).target()).getHeight(),
            scrollPaneOf(window.list(MessageInspector.RELATED).target()).getHeight()});
        assertThat(heights[0]).as("empty raw pane against the related list's %d px", heights[1]).isGreaterThan(heights[1]);

        click(invite);

        assertThat(GuiActionRunner.execute(() -> ladder().getSelectedArrow())).isSameAs(invite);
        String raw = window.textBox(MessageInspector.RAW_TEXT).text();
        assertThat(raw).startsWith("INVITE sip:server@example.com SIP/2.0\n");
        assertThat(raw).contains("Call-ID: " + invite.callId()).contains("X-Lesson: 6");
        assertThat(raw).isEqualTo(invite.sent().rawText().replace("\r\n", "\n"));
        assertThat(window.label(MessageInspector.TITLE).text()).contains("INVITE").contains("client").contains("registrar");
    }

    @Test
    void theTransactionsOtherMessagesAreOneClickAway() throws Exception {
        publishFromAStackThread(lessonSix);
        awaitOnEdt("every message drawn", () -> ladder().model().size() == lessonSix.size() / 2);
        LadderArrow invite = GuiActionRunner.execute(() -> ladder().model().arrows().stream()
                .filter(a -> a.isRequest() && a.method().equals("INVITE")).findFirst().orElseThrow());
        click(invite);

        String[] related = window.list(MessageInspector.RELATED).contents();
        assertThat(related).anyMatch(s -> s.contains("registrar \u2192 server  INVITE"))
                .anyMatch(s -> s.contains("180 Ringing")).anyMatch(s -> s.contains("ACK"));
        int ringing = java.util.Arrays.asList(related).indexOf(
                java.util.Arrays.stream(related).filter(s -> s.contains("server \u2192 registrar  180 Ringing")).findFirst().orElseThrow());
        window.list(MessageInspector.RELATED).clickItem(ringing);

        awaitOnEdt("180 selected", () -> ladder().getSelectedArrow() != null && ladder().getSelectedArrow().statusCode() == 180);
        assertThat(window.textBox(MessageInspector.RAW_TEXT).text()).startsWith("SIP/2.0 180 Ringing");
    }

    @Test
    void filteringByMethodLeavesThatMethodAndItsResponses() throws Exception {
        publishFromAStackThread(lessonSix);
        awaitOnEdt("every message drawn", () -> ladder().model().size() == lessonSix.size() / 2);

        window.comboBox(LadderView.METHOD_FILTER).selectItem("BYE");

        assertThat(GuiActionRunner.execute(() -> ladder().rowCount())).isEqualTo(4); // BYE and 200 on two hops
        window.comboBox(LadderView.METHOD_FILTER).selectItem(0);
        window.textBox(LadderView.CALL_ID_FILTER).enterText("no-such-call");
        assertThat(GuiActionRunner.execute(() -> ladder().rowCount())).isZero();
        assertThat(window.label(LadderView.STATUS).text()).contains(lessonSix.size() / 2 + " messages, 0 shown");
    }

    @Test
    void pauseHoldsNewMessagesUntilResumedAndClearEmptiesTheTrace() throws Exception {
        TraceEvents t = new TraceEvents();
        window.toggleButton(LadderView.PAUSE).click();
        publishFromAStackThread(List.of(
                t.request(CLIENT, SENT, CLIENT_ADDR, REGISTRAR_ADDR, "REGISTER", "reg-1", 1, CLIENT_ADDR, "z9hG4bK1", 0),
                t.request(REGISTRAR, RECEIVED, REGISTRAR_ADDR, CLIENT_ADDR, "REGISTER", "reg-1", 1, CLIENT_ADDR, "z9hG4bK1", 1)));
        awaitOnEdt("waiting shown", () -> ladder().isPaused()
                && window.label(LadderView.STATUS).target().getText().contains("2 waiting"));
        assertThat(GuiActionRunner.execute(() -> ladder().model().size())).isZero();

        window.toggleButton(LadderView.PAUSE).click();
        awaitOnEdt("drawn after resume", () -> ladder().model().size() == 1);

        window.button(LadderView.CLEAR).click();
        assertThat(GuiActionRunner.execute(() -> ladder().model().size())).isZero();
        assertThat(trace.snapshot()).isEmpty();
    }

    @Test
    void crossLinksSelectAndHighlightArrows() throws Exception {
        TraceEvents t = new TraceEvents();
        publishFromAStackThread(List.of(
                t.request(CLIENT, SENT, CLIENT_ADDR, REGISTRAR_ADDR, "REGISTER", "reg-1", 1, CLIENT_ADDR, "z9hG4bK1", 0),
                t.response(CLIENT, RECEIVED, CLIENT_ADDR, REGISTRAR_ADDR, 401, "Unauthorized", "REGISTER", "reg-1", 1,
                        CLIENT_ADDR, "z9hG4bK1", 5)));
        awaitOnEdt("drawn", () -> ladder().model().size() == 2);

        boolean found = GuiActionRunner.execute(() -> ladder().selectResponseBefore(CLIENT, TraceEvents.T0.plusMillis(6), 0));
        assertThat(found).isTrue();
        assertThat(window.textBox(MessageInspector.RAW_TEXT).text()).startsWith("SIP/2.0 401 Unauthorized");
        assertThat(GuiActionRunner.execute(() -> ladder().selectMessage(1))).isTrue();
        assertThat(GuiActionRunner.execute(() -> ladder().getSelectedArrow().label())).isEqualTo("REGISTER");

        GuiActionRunner.execute(() -> ladder().highlights().fromNow());
        publishFromAStackThread(List.of(
                t.request(CLIENT, SENT, CLIENT_ADDR, REGISTRAR_ADDR, "INVITE", "call-1", 1, CLIENT_ADDR, "z9hG4bK2", 9)));
        awaitOnEdt("drawn", () -> ladder().model().size() == 3);
        assertThat(GuiActionRunner.execute(() -> ladder().model().arrows().stream().map(ladder().highlights()::isLit).toList()))
                .containsExactly(false, false, true);
    }

    @Test
    void aLongTraceKeepsItsNewerHalfAndTheSelection() throws Exception {
        SipTrace busy = new SipTrace();
        LadderView small = GuiActionRunner.execute(() -> new LadderView(busy, 40));
        try {
            TraceEvents t = new TraceEvents();
            List<SipTraceEvent> events = new java.util.ArrayList<>();
            for (int i = 0; i < 30; i++) {
                events.add(t.request(CLIENT, SENT, CLIENT_ADDR, REGISTRAR_ADDR, "OPTIONS", "opt-" + i, 1, CLIENT_ADDR, "z9hG4bK" + i, i));
                events.add(t.request(REGISTRAR, RECEIVED, REGISTRAR_ADDR, CLIENT_ADDR, "OPTIONS", "opt-" + i, 1, CLIENT_ADDR, "z9hG4bK" + i, i));
            }
            Thread stack = new Thread(() -> events.forEach(busy::publish), "fake-sip-stack");
            stack.start();
            stack.join(10_000);

            assertThat(GuiActionRunner.execute(() -> small.selectMessage(60))).isTrue(); // the newest record: a click catches up to its message only

            awaitOnEdt("trimmed", () -> small.model().events().size() == 20);
            assertThat(GuiActionRunner.execute(() -> small.model().arrows().get(0).callId())).isEqualTo("opt-20");
            assertThat(GuiActionRunner.execute(() -> small.getSelectedArrow().callId())).isEqualTo("opt-29");
            assertThat(GuiActionRunner.execute(() -> small.rowCount())).isEqualTo(10);
        } finally {
            GuiActionRunner.execute(small::close);
        }
    }

    @Test
    void exportsWriteTextCapturePngAndSvg() throws Exception {
        publishFromAStackThread(lessonSix);
        awaitOnEdt("every message drawn", () -> ladder().model().size() == lessonSix.size() / 2);

        Path text = GuiActionRunner.execute(() -> ladder().exports().text(dir.resolve("t.txt"))).get(10, TimeUnit.SECONDS);
        Path pcap = GuiActionRunner.execute(() -> ladder().exports().pcap(dir.resolve("t.pcap"))).get(10, TimeUnit.SECONDS);
        Path png = GuiActionRunner.execute(() -> ladder().exports().png(dir.resolve("t.png"))).get(10, TimeUnit.SECONDS);
        Path svg = GuiActionRunner.execute(() -> ladder().exports().svg(dir.resolve("t.svg"))).get(10, TimeUnit.SECONDS);

        assertThat(Files.readString(text)).contains("records").contains("INVITE sip:server@example.com SIP/2.0");
        assertThat(Files.size(pcap)).isGreaterThan(24);
        assertThat(ImageIO.read(png.toFile()).getHeight()).isGreaterThan(lessonSix.size() / 2 * LadderGeometry.ROW_HEIGHT);
        assertThat(Files.readString(svg)).startsWith("<?xml").contains(">client</text>").contains(">180 Ringing</text>");
    }
}
