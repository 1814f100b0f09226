package io.github.ucmaworkbench.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped lessons folder: every file loads, and every step points at real code. */
class LessonLibraryTest {
    private static final Path LESSONS = Path.of("lessons");

    @Test
    void everyStepThatActsWaitsForSomethingTheActionCauses() throws IOException {
        // Set-up steps (sign in/out, listen) may find their state already reached; every other step
        // needs a log line, a message, or a setting it changes: a state that already held proves nothing.
        java.util.Set<LessonAction> setUp = java.util.EnumSet.of(LessonAction.SIGN_IN, LessonAction.SIGN_OUT,
                LessonAction.LISTEN, LessonAction.STOP_LISTENING);
        for (Lesson lesson : LessonLibrary.load(LESSONS).lessons()) {
            for (LessonStep step : lesson.steps()) {
                if (setUp.contains(step.action())) {
                    continue;
                }
                assertThat(step.outcome().all()).as("part %d step %s", lesson.part(), step.id())
                        .anyMatch(e -> e instanceof Expectation.Line || e instanceof Expectation.Wire
                                || e instanceof Expectation.State state && (state.kind() == Expectation.StateKind.TIMEOUT
                                || state.kind() == Expectation.StateKind.RING_TIMEOUT));
            }
        }
    }

    @Test
    void everyLessonFileParses() throws IOException {
        LessonLibrary library = LessonLibrary.load(LESSONS);

        assertThat(library.problems()).isEmpty();
        assertThat(library.lessons()).extracting(Lesson::part).containsExactlyElementsOf(IntStream.rangeClosed(1, 11).boxed().toList());
        assertThat(library.lessons()).allSatisfy(lesson -> {
            assertThat(lesson.introduction()).isNotBlank();
            assertThat(lesson.steps()).isNotEmpty().allSatisfy(step -> assertThat(step.markdown()).isNotBlank());
        });
    }

    @Test
    void fileNamesFollowTheParts() throws IOException {
        for (Lesson lesson : LessonLibrary.load(LESSONS).lessons()) {
            assertThat(lesson.file()).startsWith(String.format("%02d-", lesson.part())).endsWith(".md");
        }
    }

    @Test
    void everyStepsRegionExistsAndIsNotEmpty() throws IOException {
        CodeRegions regions = new CodeRegions();
        for (Lesson lesson : LessonLibrary.load(LESSONS).lessons()) {
            for (LessonStep step : lesson.steps()) {
                assertThat(regions.find(step.region()))
                        .as("%s step %s region %s", lesson.file(), step.id(), step.region())
                        .hasValueSatisfying(region -> {
                            assertThat(region.code()).isNotBlank();
                            assertThat(region.firstLine()).isPositive().isLessThanOrEqualTo(region.lastLine());
                        });
            }
        }
    }

    @Test
    void everyStepsActionIsKnownAndFitsItsSide() throws IOException {
        for (Lesson lesson : LessonLibrary.load(LESSONS).lessons()) {
            for (LessonStep step : lesson.steps()) {
                assertThat(step.action().allows(step.side())).as("%s %s", lesson.file(), step.id()).isTrue();
                assertThat(LessonAction.byId(step.action().id())).isEqualTo(step.action());
            }
        }
    }

    @Test
    void everyRegionHasACSharpEquivalent() throws IOException {
        for (Lesson lesson : LessonLibrary.load(LESSONS).lessons()) {
            for (LessonStep step : lesson.steps()) {
                assertThat(CSharpEquivalents.forRegion(step.region())).as(step.region()).hasValueSatisfying(
                        cs -> assertThat(cs).contains("UCMA"));
            }
        }
    }

    @Test
    void partsFiveAndSixShowTheFailureFamily() throws IOException {
        LessonLibrary library = LessonLibrary.load(LESSONS);
        String five = library.byPart(5).orElseThrow().steps().stream().map(s -> s.outcome().toString()).toList().toString();
        String six = library.byPart(6).orElseThrow().steps().stream().map(s -> s.outcome().toString()).toList().toString();

        assertThat(five).contains("refused with 404", "refused with 480");
        assertThat(six).contains("refused with 486", "did not answer within");
    }

    @Test
    void aBrokenFileIsReportedWithItsLineAndTheOthersStillLoad(@TempDir Path folder) throws IOException {
        try (Stream<Path> files = Files.list(LESSONS)) {
            for (Path file : files.toList()) {
                Files.copy(file, folder.resolve(file.getFileName()));
            }
        }
        String six = Files.readString(folder.resolve("06-accepting-the-invite.md"));
        Files.writeString(folder.resolve("06-accepting-the-invite.md"), six.replace("action: listen\n", "action: listen-harder\n"));
        Files.writeString(folder.resolve("12-broken-header.md"), "---\nid: broken\ntitle Broken\npart: 12\n---\n");

        LessonLibrary library = LessonLibrary.load(folder);

        assertThat(library.lessons()).hasSize(10).extracting(Lesson::part).doesNotContain(6, 12);
        assertThat(library.problems()).extracting(LessonFormatException::getMessage).containsExactly(
                "06-accepting-the-invite.md:" + lineOf(six, "action: listen\n") + ": unknown action 'listen-harder' (known: "
                        + LessonAction.ids() + ")",
                "12-broken-header.md:3: expected 'key: value' or '[step ID]', got 'title Broken'");
    }

    @Test
    void theWorkingDirectoryCopyIsFoundByDefault() throws IOException {
        LessonLibrary library = LessonLibrary.load();

        assertThat(library.lessons()).hasSize(11);
    }

    @Test
    void theClasspathCopyLoadsToo() throws IOException {
        LessonLibrary library = LessonLibrary.fromClasspath();

        assertThat(library.problems()).isEmpty();
        assertThat(library.lessons()).hasSize(11);
    }

    private static int lineOf(String text, String needle) {
        return text.substring(0, text.indexOf(needle)).split("\n", -1).length;
    }
}
