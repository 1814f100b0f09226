package io.github.ucmaworkbench.app.cli;

import picocli.CommandLine.TypeConversionException;

/** Port numbers as the options accept them. */
final class Ports {
    private Ports() {
    }

    static int parse(String text, String what, int min) {
        try {
            int port = Integer.parseInt(text.trim());
            if (port < min || port > 65535) {
                throw new TypeConversionException(what + " must be " + min + "-65535, not " + port);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new TypeConversionException(what + " must be a number, not '" + text + "'");
        }
    }
}
