package io.github.ucmaworkbench.lessons;

/**
 * The code between {@code // region NAME} and {@code // endregion} in a tutorial source.
 *
 * @param reference {@code File#name}, as lesson steps write it
 * @param fileName  e.g. {@code ServerManager.java}
 * @param source    the whole file, so a view can show the region in context
 * @param firstLine 1-based line of the region's first code line (after the marker)
 * @param lastLine  1-based line of its last code line (before {@code // endregion})
 * @param code      the region's lines, common indentation removed
 */
public record CodeRegion(String reference, String fileName, String source, int firstLine, int lastLine, String code) {
}
