package io.github.ucmaworkbench.app.cli;

import io.github.ucmaworkbench.rtc.SipTransportType;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code tcp} or {@code udp} (TLS is not available yet, so it is refused here, not later). */
final class TransportConverter implements ITypeConverter<SipTransportType> {
    @Override
    public SipTransportType convert(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "tcp" -> SipTransportType.TCP;
            case "udp" -> SipTransportType.UDP;
            default -> throw new TypeConversionException("transport must be tcp or udp, not '" + value + "'");
        };
    }
}
