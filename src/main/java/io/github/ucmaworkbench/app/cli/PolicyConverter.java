package io.github.ucmaworkbench.app.cli;

import io.github.ucmaworkbench.tutorial.AcceptPolicy;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code accept | reject:CODE[:TEXT] | ignore | require-header:NAME} to an {@link AcceptPolicy}.
 * A rejection without text gets the standard reason phrase of its code where we know one.
 */
final class PolicyConverter implements ITypeConverter<AcceptPolicy> {
    static final String FORMS = "accept, reject:CODE[:TEXT], ignore or require-header:NAME";

    @Override
    public AcceptPolicy convert(String value) {
        String text = value.trim();
        String kind = text.contains(":") ? text.substring(0, text.indexOf(':')) : text;
        String rest = text.contains(":") ? text.substring(text.indexOf(':') + 1) : null;
        switch (kind) {
            case "accept":
                requireNoArgument(rest, value);
                return new AcceptPolicy.AcceptAll();
            case "ignore":
                requireNoArgument(rest, value);
                return new AcceptPolicy.DontAnswer();
            case "require-header":
                if (rest == null || rest.isBlank() || !rest.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
                    throw new TypeConversionException("require-header needs a header name, e.g. require-header:X-Lesson");
                }
                return new AcceptPolicy.RequireHeader(rest);
            case "reject":
                return reject(rest, value);
            default:
                throw new TypeConversionException("unknown policy '" + value + "'; use " + FORMS);
        }
    }

    private static AcceptPolicy reject(String rest, String value) {
        if (rest == null || rest.isBlank()) {
            throw new TypeConversionException("reject needs a code, e.g. reject:486 or reject:486:Busy Here");
        }
        String codeText = rest.contains(":") ? rest.substring(0, rest.indexOf(':')) : rest;
        String reason = rest.contains(":") ? rest.substring(rest.indexOf(':') + 1) : null;
        int code;
        try {
            code = Integer.parseInt(codeText);
        } catch (NumberFormatException e) {
            throw new TypeConversionException("reject code must be a number 300-699, not '" + codeText + "'");
        }
        if (code < 300 || code > 699) {
            throw new TypeConversionException("reject code must be 300-699, not " + code);
        }
        if (reason == null || reason.isBlank()) {
            reason = standardReason(code);
        }
        return new AcceptPolicy.Reject(code, reason);
    }

    private static void requireNoArgument(String rest, String value) {
        if (rest != null) {
            throw new TypeConversionException("policy '" + value + "' takes no argument; use " + FORMS);
        }
    }

    static String standardReason(int code) {
        return switch (code) {
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 480 -> "Temporarily Unavailable";
            case 486 -> "Busy Here";
            case 488 -> "Not Acceptable Here";
            case 500 -> "Server Internal Error";
            case 503 -> "Service Unavailable";
            case 600 -> "Busy Everywhere";
            case 603 -> "Decline";
            default -> "Rejected";
        };
    }
}
