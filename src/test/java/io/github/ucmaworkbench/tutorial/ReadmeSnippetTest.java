package io.github.ucmaworkbench.tutorial;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README shows the server's code as it is: every line of its snippet is a line of ServerManager. */
class ReadmeSnippetTest {
    @Test
    void everyLineOfTheServerSnippetIsInServerManager() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int heading = readme.indexOf("The tutorial's server maps onto the Java API");
        assertThat(heading).as("the snippet's introduction in README.md").isNotNegative();
        int start = readme.indexOf("```java\n", heading) + "```java\n".length();
        String snippet = readme.substring(start, readme.indexOf("```", start));
        List<String> source = Files.readAllLines(Path.of("src/main/java/io/github/ucmaworkbench/tutorial/ServerManager.java"))
                .stream().map(String::strip).toList();

        List<String> lines = snippet.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.equals("…")).toList();
        assertThat(lines).hasSizeGreaterThan(5);
        assertThat(source).containsAll(lines);
    }
}
