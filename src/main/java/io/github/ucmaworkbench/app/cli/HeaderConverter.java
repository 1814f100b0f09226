package io.github.ucmaworkbench.app.cli;

import io.github.ucmaworkbench.rtc.SignalingHeader;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code NAME:VALUE} to a custom INVITE header (part 5's "custom headers"). */
final class HeaderConverter implements ITypeConverter<SignalingHeader> {
    @Override
    public SignalingHeader convert(String value) {
        int colon = value.indexOf(':');
        if (colon <= 0) {
            throw new TypeConversionException("expected NAME:VALUE, got '" + value + "'");
        }
        String name = value.substring(0, colon).trim();
        if (!name.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
            throw new TypeConversionException("'" + name + "' is not a valid SIP header name");
        }
        try {
            return new SignalingHeader(name, value.substring(colon + 1).trim());
        } catch (IllegalArgumentException e) {
            // a value with a line break, or over SignalingHeader.MAX_LENGTH: say so as an option error
            throw new TypeConversionException(e.getMessage());
        }
    }
}
