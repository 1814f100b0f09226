package io.github.ucmaworkbench.ui.help;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HelpDocsTest {
    static final String README = """
            # Title
            intro
            ## Call it from a softphone
            Start the registrar.
            ```
            # not a heading, a shell comment
            ```
            ### Linphone
            details
            ## TLS
            other
            """;

    @Test
    void aSectionRunsToTheNextHeadingOfItsLevelAndIgnoresFencedCode() {
        String section = HelpDocs.section(README, "call it from a SOFTPHONE").orElseThrow();
        assertThat(section).startsWith("## Call it from a softphone").contains("# not a heading", "### Linphone", "details")
                .doesNotContain("## TLS", "other");
        assertThat(HelpDocs.section(README, "Missing")).isEmpty();
        assertThat(HelpDocs.html(section)).contains("<h2>Call it from a softphone</h2>", "<h3>Linphone</h3>");
    }

    @Test
    void theJarCarriesTheReadmesAndTheNotices() {
        assertThat(HelpDocs.read(HelpDocs.README)).get().asString().contains("# UCMA Workbench");
        assertThat(HelpDocs.read(HelpDocs.LESSONS_README)).isPresent();
        ThirdPartyNotices notices = ThirdPartyNotices.load();
        assertThat(notices.libraries()).extracting(ThirdPartyNotices.Library::name)
                .anyMatch(n -> n.startsWith("FlatLaf")).anyMatch(n -> n.startsWith("JAIN-SIP"))
                .anyMatch(n -> n.startsWith("Bouncy Castle")).anyMatch(n -> n.startsWith("picocli"));
        assertThat(notices.libraries()).allSatisfy(l -> assertThat(l.license()).isNotBlank());
    }

    @Test
    void everyBundledLibraryOnTheClassPathIsNamedInTheNotices() {
        // The test class path holds the runtime jars plus test-only ones; check the runtime ones by group.
        String text = ThirdPartyNotices.load().text();
        String classPath = System.getProperty("java.class.path");
        String[][] expected = {
            {"/com/formdev/flatlaf/", "FlatLaf"}, {"/com/miglayout/", "MigLayout"}, {"/javax/sip/", "JAIN-SIP"},
            {"/org/bouncycastle/", "Bouncy Castle"}, {"/com/fifesoft/rsyntaxtextarea/", "RSyntaxTextArea"},
            {"/com/fifesoft/autocomplete/", "AutoComplete"}, {"/org/eclipse/jdt/ecj/", "ECJ"},
            {"/org/commonmark/", "commonmark"}, {"/com/fasterxml/jackson/", "Jackson"}, {"/ch/qos/logback/", "Logback"},
            {"/org/slf4j/slf4j-api/", "SLF4J"}, {"/info/picocli/", "picocli"},
        };
        for (String[] e : expected) {
            if (classPath.contains(e[0])) {
                assertThat(text).as("notices name " + e[1]).contains(e[1]);
            }
        }
    }
}
