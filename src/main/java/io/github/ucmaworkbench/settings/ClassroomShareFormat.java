package io.github.ucmaworkbench.settings;

import java.io.IOException;
import java.nio.file.Path;

/**
 * How classroom settings travel: one line to paste ({@value #PREFIX} + base64url JSON) and a small
 * file. The JSON lives in app (this layer knows no file format); the dialogs see only this seam.
 */
public interface ClassroomShareFormat {
    String PREFIX = "ucma-class:";
    String FILE_EXTENSION = ".ucma-class.json";

    /** The one line to paste. */
    String line(ClassroomShare share);

    /** Parses pasted text: the {@value #PREFIX} line or the JSON itself; validated. */
    ClassroomShare parse(String text) throws ClassroomShare.Problem;

    /** Reads a shared file (JSON, or a file holding the one line); validated. */
    ClassroomShare read(Path file) throws ClassroomShare.Problem;

    void write(ClassroomShare share, Path file) throws IOException;
}
