package io.github.ucmaworkbench.lessons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ucmaworkbench.tutorial.AcceptPolicy;
import io.github.ucmaworkbench.tutorial.ProgressLevel;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The lesson file format: what it accepts, and the file:line errors for what it does not. */
class LessonParserTest {
    private static final String GOOD = """
            ---
            id: demo
            title: A demo
            part: 6

            # a comment
            [step reject]
            title: Reject it
            side: server
            action: set-policy reject 486 Busy Here
            region: ServerManager#reject
            expect: client error "Error Code=486" or client error "Error Code=603"
            expect: server session=DISCONNECTED
            timeout: 2s
            ---
            Intro.

            <!-- step reject -->
            Step text.
            """;

    private final LessonParser parser = new LessonParser();

    @Test
    void readsHeaderStepsAndTexts() throws Exception {
        Lesson lesson = parser.parse("demo.md", GOOD);

        assertThat(lesson.id()).isEqualTo("demo");
        assertThat(lesson.part()).isEqualTo(6);
        assertThat(lesson.introduction()).isEqualTo("Intro.");
        LessonStep step = lesson.steps().get(0);
        assertThat(step.side()).isEqualTo(Side.SERVER);
        assertThat(step.call().policy()).isEqualTo(new AcceptPolicy.Reject(486, "Busy Here"));
        assertThat(step.region()).isEqualTo("ServerManager#reject");
        assertThat(step.timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(step.markdown()).isEqualTo("Step text.");
        assertThat(step.line()).isEqualTo(7);
        assertThat(step.outcome().clauses()).hasSize(2);
        assertThat(step.outcome().clauses().get(0)).containsExactly(
                new Expectation.Line(Side.CLIENT, ProgressLevel.ERROR, "Error Code=486"),
                new Expectation.Line(Side.CLIENT, ProgressLevel.ERROR, "Error Code=603"));
        assertThat(step.outcome().clauses().get(1)).containsExactly(
                new Expectation.State(Side.SERVER, Expectation.StateKind.SESSION, "DISCONNECTED"));
    }

    @Test
    void theAuthorsGuideExampleParses() throws Exception {
        String guide = java.nio.file.Files.readString(java.nio.file.Path.of("lessons", "README.md"));
        int start = guide.indexOf("```\n---\n") + 4;
        String example = guide.substring(start, guide.indexOf("```", start));

        Lesson lesson = new LessonParser(new CodeRegions()::exists).parse("README.md", example);

        assertThat(lesson.steps()).extracting(LessonStep::id).containsExactly("listen");
        assertThat(lesson.steps().get(0).timeout()).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void timeoutsAreStatesInMillisecondsAndSignInWithChangesOneSetting() throws Exception {
        Expectation timeout = ExpectationParser.parse("t.md", 1, "client timeout=1.5s").get(0);
        Expectation ring = ExpectationParser.parse("t.md", 1, "client ring-timeout=default").get(0);
        assertThat(timeout).isEqualTo(new Expectation.State(Side.CLIENT, Expectation.StateKind.TIMEOUT, "1500ms"));
        assertThat(ring).hasToString("client ring-timeout=default");

        io.github.ucmaworkbench.tutorial.EndpointSettings saved = new io.github.ucmaworkbench.tutorial.EndpointSettings(
                "sip:client@example.com", "10.0.0.1", 5060, io.github.ucmaworkbench.rtc.SipTransportType.TCP, null, null);
        assertThat(StepCall.parse("sign-in-with password wrong").trialSettings(saved))
                .extracting(e -> e.userName(), e -> e.password(), e -> e.serverHost())
                .containsExactly("client", "wrong", "10.0.0.1");
        assertThat(StepCall.parse("sign-in-with server 127.0.0.1:1").trialSettings(saved))
                .extracting(e -> e.serverHost(), e -> e.serverPort()).containsExactly("127.0.0.1", 1);
        assertThat(StepCall.parse("set-policy ask-decline").policy()).isInstanceOf(io.github.ucmaworkbench.tutorial.AcceptPolicy.Ask.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StepCall.parse("sign-in-with server nowhere"))
                .hasMessageContaining("is not HOST:PORT");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ExpectationParser.parse("t.md", 3, "server ring-timeout=3s"))
                .hasMessageContaining("only the client has a ring timeout");
    }

    @Test
    void unknownActionNamesFileAndLine() {
        assertError(GOOD.replace("set-policy reject 486 Busy Here", "shout"), 10, "unknown action 'shout'");
    }

    @Test
    void badPolicyArgumentIsCaughtAtLoadTime() {
        assertError(GOOD.replace("reject 486 Busy Here", "reject 200 OK"), 10, "a rejection code must be 300-699, not 200");
    }

    @Test
    void actionOnTheWrongSideIsRefused() {
        assertError(GOOD.replace("side: server", "side: client"), 10, "the client cannot 'set-policy'");
    }

    @Test
    void missingHeaderEndIsReported() {
        assertError("---\nid: demo\ntitle: Demo\n", 4, "the header never ends");
    }

    @Test
    void missingLessonKeyIsReported() {
        assertError(GOOD.replace("part: 6\n", ""), 14, "the header has no 'part'");
    }

    @Test
    void missingStepKeyPointsAtTheStep() {
        assertError(GOOD.replace("region: ServerManager#reject\n", ""), 7, "step 'reject' has no 'region'");
    }

    @Test
    void unknownRegionIsReportedWhenCheckingSources() {
        LessonParser checking = new LessonParser(region -> !region.endsWith("#reject"));
        assertThatThrownBy(() -> checking.parse("demo.md", GOOD))
                .isInstanceOf(LessonFormatException.class)
                .hasMessage("demo.md:11: no '// region reject' in the tutorial source ServerManager.java");
    }

    @Test
    void badExpectationIsReported() {
        assertError(GOOD.replace("server session=DISCONNECTED", "server mood=HAPPY"), 13, "unknown state 'mood'");
        assertError(GOOD.replace("server session=DISCONNECTED", "server session=ASLEEP"), 13, "session is NONE or a SignalingState");
        assertError(GOOD.replace("or client error", "and client error"), 12, "expected 'or' between alternatives");
        assertError(GOOD.replace("\"Error Code=486\" or", "\"Error Code=486 or"), 12, "a quoted text is not closed");
    }

    @Test
    void stepWithoutTextIsReported() {
        assertError(GOOD.replace("<!-- step reject -->\nStep text.\n", ""), 7, "step 'reject' has no text");
    }

    @Test
    void textForAnUndeclaredStepIsReported() {
        assertError(GOOD + "\n<!-- step ghost -->\nBoo.\n", 21, "text for step 'ghost'");
    }

    @Test
    void fileMustStartWithTheHeader() {
        assertError("# Just Markdown\n", 1, "a lesson starts with a '---' line");
    }

    private void assertError(String text, int line, String problem) {
        assertThatThrownBy(() -> parser.parse("demo.md", text))
                .isInstanceOfSatisfying(LessonFormatException.class, e -> {
                    assertThat(e.getFile()).isEqualTo("demo.md");
                    assertThat(e.getProblem()).contains(problem);
                    assertThat(e.getLine()).as(e.getMessage()).isEqualTo(line);
                });
    }
}
