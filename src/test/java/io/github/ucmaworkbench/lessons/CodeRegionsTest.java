package io.github.ucmaworkbench.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Regions are cut from the tutorial sources, with their line numbers in the file. */
class CodeRegionsTest {

    @Test
    void cutsTheLinesBetweenTheMarkersWithoutTheirIndent() {
        String source = "class A {\n    // region hello\n    void hello() {\n        say();\n    }\n    // endregion\n}\n";
        CodeRegions regions = new CodeRegions(Map.of("A.java", source)::get);

        CodeRegion region = regions.find("A#hello").orElseThrow();

        assertThat(region.code()).isEqualTo("void hello() {\n    say();\n}\n");
        assertThat(region.firstLine()).isEqualTo(3);
        assertThat(region.lastLine()).isEqualTo(5);
        assertThat(region.fileName()).isEqualTo("A.java");
        assertThat(region.source()).isEqualTo(source);
    }

    @Test
    void missingEmptyOrUnclosedRegionsAreAbsent() {
        CodeRegions regions = new CodeRegions(Map.of(
                "A.java", "// region empty\n// endregion\n// region open\nint x;\n",
                "B.java", "// region b\nint y;\n// endregion\n")::get);

        assertThat(regions.find("A#empty")).isEmpty();
        assertThat(regions.find("A#open")).isEmpty();
        assertThat(regions.find("A#nothing")).isEmpty();
        assertThat(regions.find("C#b")).isEmpty();
        assertThat(regions.find("B#b")).isPresent();
    }

    @Test
    void eachFileIsReadOnceForAllItsRegionsAndTheFirstOfANameWins() {
        String source = "// region a\nint a;\n// endregion\n// region b\nint b;\n// endregion\n// region a\nint c;\n// endregion\n";
        List<String> reads = new ArrayList<>();
        CodeRegions regions = new CodeRegions(file -> {
            reads.add(file);
            return Map.of("A.java", source).get(file);
        });

        assertThat(regions.find("A#a").orElseThrow().code()).isEqualTo("int a;\n");
        assertThat(regions.find("A#b").orElseThrow().firstLine()).isEqualTo(5);
        assertThat(regions.find("A#c")).isEmpty();
        assertThat(regions.find("B#a")).isEmpty();
        assertThat(regions.find("B#b")).isEmpty();

        assertThat(reads).containsExactly("A.java", "B.java");
    }

    @Test
    void theRealTutorialSourcesAreOnTheClasspath() {
        CodeRegion accept = new CodeRegions().find("ServerManager#accept").orElseThrow();

        assertThat(accept.code()).contains("beginParticipate(this::participateCallback");
        assertThat(accept.source().split("\n")[accept.firstLine() - 2]).contains("// region accept");
    }
}
