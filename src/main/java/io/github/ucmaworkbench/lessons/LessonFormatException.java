package io.github.ucmaworkbench.lessons;

/** A lesson file that cannot be used, with the file and the line that says why. */
public final class LessonFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String problem;

    public LessonFormatException(String file, int line, String problem) {
        super(file + ":" + line + ": " + problem);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    /** The file name (not the whole path), as the author knows it. */
    public String getFile() {
        return file;
    }

    /** 1-based line number. */
    public int getLine() {
        return line;
    }

    /** The message without file and line. */
    public String getProblem() {
        return problem;
    }
}
