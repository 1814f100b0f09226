package io.github.ucmaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ucmaworkbench.app.cli.HeadlessLessons;
import io.github.ucmaworkbench.lessons.Lesson;
import io.github.ucmaworkbench.lessons.LessonRunListener;
import io.github.ucmaworkbench.lessons.LessonRunReport;
import io.github.ucmaworkbench.lessons.LessonRunner;
import io.github.ucmaworkbench.lessons.Side;
import io.github.ucmaworkbench.lessons.StepResult;
import io.github.ucmaworkbench.rtc.SipTransportType;
import io.github.ucmaworkbench.tutorial.ProgressEventArgs;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each part of the series runs end to end without a window, against its own embedded registrar. */
class LessonRunnerTest {

    @ParameterizedTest(name = "part {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11})
    void everyStepOfTheLessonReachesItsOutcome(int part) throws Exception {
        List<String> transcript = new CopyOnWriteArrayList<>();
        LessonRunReport report = HeadlessLessons.runHeadless(part, new LessonRunListener() {
            @Override
            public void stepFinished(StepResult result) {
                transcript.add(result.toString());
            }

            @Override
            public void progress(Side side, ProgressEventArgs line) {
                transcript.add("    " + side.id() + " " + line.level() + " " + line.message());
            }
        });

        if (Boolean.getBoolean("lessons.transcript")) {
            System.out.println("PART " + part + "\n" + String.join("\n", transcript));
        }
        assertThat(report.passed()).as("part %d:%n%s", part, String.join("\n", transcript)).isTrue();
        assertThat(report.results()).hasSize(report.lesson().steps().size());
        assertThat(report.elapsed()).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void partSixRunsOverUdpToo() throws Exception {
        List<String> heard = new CopyOnWriteArrayList<>();
        LessonRunReport report = HeadlessLessons.runHeadless(6, new LessonRunner.Options(SipTransportType.UDP,
                Duration.ofSeconds(10)), new LessonRunListener() {
                    @Override
                    public void lessonStarted(Lesson lesson) {
                        heard.add("lesson " + lesson.part());
                    }

                    @Override
                    public void registrarStarted(InetSocketAddress address, String domain) {
                        heard.add("registrar " + domain);
                    }

                    @Override
                    public void stepFinished(StepResult result) {
                        heard.add(result.toString());
                    }
                });

        assertThat(report.passed()).as(String.join("\n", heard)).isTrue();
        assertThat(heard).startsWith("lesson 6", "registrar example.com");
    }

    @Test
    void anUnknownPartIsRefusedWithTheReason() {
        assertThatThrownBy(() -> HeadlessLessons.runHeadless(12, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("no lesson for part 12 in ");
    }
}
