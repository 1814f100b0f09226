package io.github.ucmaworkbench.rtc.sip;

/** Warning header values (RFC 3261 §20.43) for our own refusals. */
public final class Warnings {
    private Warnings() {
    }

    /**
     * {@code 399 ucma-workbench "text"}: 399 is "miscellaneous warning", the agent a pseudonym
     * token; the text becomes one line, quoted, with quotes and backslashes escaped.
     */
    public static String of(String text) {
        String line = text.replaceAll("[\\r\\n\\t]+", " ").replace("\\", "\\\\").replace("\"", "\\\"");
        return "399 ucma-workbench \"" + line + "\"";
    }
}
