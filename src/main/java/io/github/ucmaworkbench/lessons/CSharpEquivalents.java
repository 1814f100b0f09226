package io.github.ucmaworkbench.lessons;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A short UCMA 1.0 C# version of each tutorial region, written for this project, so a student
 * can map the Java they run to the C# of the series. One resource per region name.
 */
public final class CSharpEquivalents {
    private static final String FOLDER = "io/github/ucmaworkbench/lessons/csharp/";

    private CSharpEquivalents() {
    }

    /** The C# for region {@code File#name} (by its name), or empty. */
    public static Optional<String> forRegion(String reference) {
        String name = reference.substring(reference.indexOf('#') + 1);
        try (InputStream in = CSharpEquivalents.class.getClassLoader().getResourceAsStream(FOLDER + name + ".cs")) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
