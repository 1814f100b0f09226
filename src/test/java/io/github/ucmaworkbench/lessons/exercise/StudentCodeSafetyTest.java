package io.github.ucmaworkbench.lessons.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Student code can't hurt the class: broken, looping, exiting and throwing files are caught and named. */
class StudentCodeSafetyTest {

    @AfterEach
    void defaultCompiler() {
        System.clearProperty(StudentCompiler.COMPILER_PROPERTY);
    }

    @Test
    void aBrokenFileNamesItsLineAndColumn() throws Exception {
        ExerciseReport report = ExerciseChecker.check(Solutions.exercise("accept-invite"), Solutions.broken("does-not-compile"),
                Solutions.FAST);
        assertThat(report.verdict()).isEqualTo(ExerciseReport.Verdict.DOES_NOT_COMPILE);
        assertThat(report.verdict().exitCode()).isEqualTo(2);
        assertThat(report.compileErrors()).first().satisfies(p -> {
            assertThat(p.line()).isEqualTo(7);
            assertThat(p.column()).isGreaterThan(1);
        });
        assertThat(report.summary()).startsWith("line 7:");
    }

    @Test
    void theBundledEclipseCompilerWorksWithoutTheJdksAndNamesLinesToo() {
        System.setProperty(StudentCompiler.COMPILER_PROPERTY, "ecj");
        StudentCompiler.Result ok = new StudentCompiler().compile(Solutions.reference("echo-server"));
        assertThat(ok.compiler()).isEqualTo("ecj");
        assertThat(ok.problems()).isEmpty();
        assertThat(ok.classes()).containsKey("EchoHomework");
        StudentCompiler.Result broken = new StudentCompiler().compile(Solutions.broken("does-not-compile"));
        assertThat(broken.compiled()).isFalse();
        assertThat(broken.problems()).first().satisfies(p -> assertThat(p.line()).isEqualTo(7));
    }

    @Test
    void aLoopThatNeverEndsIsStoppedAndTheNextRunStillPasses() throws Exception {
        long started = System.nanoTime();
        ExerciseReport report = ExerciseChecker.check(Solutions.exercise("accept-invite"), Solutions.broken("loops-forever"),
                Solutions.FAST);
        assertThat(report.verdict()).isEqualTo(ExerciseReport.Verdict.FAILED);
        assertThat(report.runtimeProblems()).as(report.describe())
                .anySatisfy(p -> assertThat(p).contains("sessionReceived").contains("was stopped").contains("line 10"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("homework-sessionReceived")
                && t.isAlive() && t.getState() == Thread.State.RUNNABLE && stackMentions(t, "AcceptHomework"));

        ExerciseReport next = ExerciseChecker.check(Solutions.exercise("accept-invite"), Solutions.reference("accept-invite"),
                Solutions.FAST);
        assertThat(next.passed()).as(next.describe()).isTrue();
    }

    private static boolean stackMentions(Thread t, String className) {
        for (StackTraceElement e : t.getStackTrace()) {
            if (e.getClassName().equals(className)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void systemExitIsRefusedBeforeAnythingRuns() throws Exception {
        ExerciseReport report = ExerciseChecker.check(Solutions.exercise("accept-invite"), Solutions.broken("calls-exit"),
                Solutions.FAST);
        assertThat(report.verdict()).isEqualTo(ExerciseReport.Verdict.REFUSED);
        assertThat(report.refused()).containsExactly("System.exit");
        assertThat(report.steps()).isEmpty();
    }

    @Test
    void anExceptionIsShownWithTheStudentsLine() throws Exception {
        ExerciseReport report = ExerciseChecker.check(Solutions.exercise("accept-invite"), Solutions.broken("throws"),
                Solutions.FAST);
        assertThat(report.verdict()).isEqualTo(ExerciseReport.Verdict.FAILED);
        assertThat(report.runtimeProblems()).anySatisfy(p -> assertThat(p).contains("NullPointerException").contains("line 8"));
    }

    @Test
    void anExceptionInACallbackOnAnRtcThreadIsShownToo() throws Exception {
        ExerciseReport report = ExerciseChecker.check(Solutions.exercise("accept-invite"), Solutions.broken("throws-in-callback"),
                Solutions.FAST);
        assertThat(report.verdict()).isEqualTo(ExerciseReport.Verdict.FAILED);
        assertThat(report.runtimeProblems()).as(report.describe())
                .anySatisfy(p -> assertThat(p).startsWith("Your callback threw NullPointerException").contains("line 12"));
    }

    @Test
    void aHandlerThatBlocksUntilConnectedFailsThePart6Check() throws Exception {
        ExerciseReport report = ExerciseChecker.check(Solutions.exercise("accept-invite"), Solutions.broken("blocking-participate"),
                Solutions.FAST);
        assertThat(report.verdict()).as(report.describe()).isEqualTo(ExerciseReport.Verdict.FAILED);
        assertThat(report.describe()).contains("✗ server info \"the session was INCOMING\"");
    }

    @Test
    void aClassOfTheWrongSideIsNamed() throws Exception {
        ExerciseReport report = ExerciseChecker.check(Solutions.exercise("sign-in-report"), Solutions.reference("accept-invite"),
                Solutions.FAST);
        assertThat(report.verdict()).isEqualTo(ExerciseReport.Verdict.FAILED);
        assertThat(report.problem()).contains("must extend ClientHomework");
    }
}
