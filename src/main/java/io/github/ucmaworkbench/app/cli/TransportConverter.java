package io.github.ucmaworkbench.app.cli;

import io.github.ucmaworkbench.rtc.SipTransportType;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code tcp}, {@code udp} or {@code tls}. */
final class TransportConverter implements ITypeConverter<SipTransportType> {
    @Override
    public SipTransportType convert(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "tcp" -> SipTransportType.TCP;
            case "udp" -> SipTransportType.UDP;
            case "tls" -> SipTransportType.TLS;
            default -> throw new TypeConversionException("transport must be tcp, udp or tls, not '" + value + "'");
        };
    }
}
