package io.github.ucmaworkbench.ui.help;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * META-INF/THIRD-PARTY-NOTICES.txt from the jar: the whole text, and its table of bundled
 * libraries (between "# library | license | home" and "# end"), which the About dialog lists.
 */
public final class ThirdPartyNotices {
    public static final String RESOURCE = "/META-INF/THIRD-PARTY-NOTICES.txt";

    /** One bundled library. */
    public record Library(String name, String license, String home) {
    }

    private final String text;
    private final List<Library> libraries;

    private ThirdPartyNotices(String text, List<Library> libraries) {
        this.text = text;
        this.libraries = List.copyOf(libraries);
    }

    /** Reads the notices shipped in the jar; a missing file gives a text that says so and no libraries. */
    public static ThirdPartyNotices load() {
        try (InputStream in = ThirdPartyNotices.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return new ThirdPartyNotices("The third-party notices file is missing from this build ("
                        + RESOURCE + ").", List.of());
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new ThirdPartyNotices("The third-party notices could not be read: " + e.getMessage(), List.of());
        }
    }

    static ThirdPartyNotices parse(String text) {
        List<Library> libraries = new ArrayList<>();
        boolean inTable = false;
        for (String line : text.split("\\R")) {
            if (line.startsWith("# library")) {
                inTable = true;
            } else if (line.startsWith("# end")) {
                inTable = false;
            } else if (inTable && !line.isBlank()) {
                String[] cells = line.split(" \\| ", -1);
                if (cells.length == 3) {
                    libraries.add(new Library(cells[0].trim(), cells[1].trim(), cells[2].trim()));
                }
            }
        }
        return new ThirdPartyNotices(text, libraries);
    }

    public String text() {
        return text;
    }

    public List<Library> libraries() {
        return libraries;
    }
}
