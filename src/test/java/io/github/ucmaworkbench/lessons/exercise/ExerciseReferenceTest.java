package io.github.ucmaworkbench.lessons.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.lessons.StepResult;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every exercise: its reference solution passes against a live call, its starter does not. */
class ExerciseReferenceTest {

    static java.util.stream.Stream<String> ids() {
        return Solutions.ids();
    }

    @Test
    void everyExerciseLoadsAndThePartsTheIssueNamesHaveHomework() {
        ExerciseLibrary library = Solutions.library();
        assertThat(library.problems()).isEmpty();
        assertThat(library.exercises()).hasSizeGreaterThanOrEqualTo(8);
        Set<Integer> parts = library.exercises().stream().map(Exercise::part).collect(Collectors.toSet());
        assertThat(parts).contains(3, 5, 6, 8, 9, 11);
        assertThat(library.exercises()).allSatisfy(e -> assertThat(e.hints()).isNotEmpty());
    }

    @ParameterizedTest
    @MethodSource("ids")
    void theLessonOfItsPartLinksToIt(String id) throws Exception {
        Exercise exercise = Solutions.exercise(id);
        java.nio.file.Path lesson;
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(java.nio.file.Path.of("lessons"))) {
            lesson = files.filter(p -> p.getFileName().toString().startsWith(String.format("%02d-", exercise.part())))
                    .findFirst().orElseThrow();
        }
        assertThat(java.nio.file.Files.readString(lesson)).contains("`" + id + "`");
    }

    @ParameterizedTest
    @MethodSource("ids")
    void referenceSolutionPasses(String id) throws Exception {
        ExerciseReport report = ExerciseChecker.check(Solutions.exercise(id), Solutions.reference(id), Solutions.FAST);
        assertThat(report.passed()).as(report.describe()).isTrue();
        assertThat(report.steps()).allSatisfy(s -> assertThat(s.checks()).allMatch(StepResult.Check::held));
    }

    @ParameterizedTest
    @MethodSource("ids")
    void starterCompilesButFailsItsCheck(String id) throws Exception {
        Exercise exercise = Solutions.exercise(id);
        ExerciseReport report = ExerciseChecker.check(exercise, exercise.starter(), Solutions.FAST);
        assertThat(report.verdict()).as(report.describe()).isEqualTo(ExerciseReport.Verdict.FAILED);
        assertThat(report.steps()).as(report.describe()).anySatisfy(s -> assertThat(s.checks()).anyMatch(c -> !c.held()));
    }
}
