package io.github.ucmaworkbench.app.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code HOST[:PORT]} as the server options take it; port 0 means the transport's default.
 * An IPv6 literal with a port is written in brackets: {@code [::1]:5060}.
 */
public record HostPort(String host, int port) {

    @Override
    public String toString() {
        return port == 0 ? host : (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** picocli's converter: a clear one-line message on bad input. */
    public static final class Converter implements ITypeConverter<HostPort> {
        @Override
        public HostPort convert(String value) {
            return parse(value);
        }
    }

    static HostPort parse(String value) {
        String text = value == null ? "" : value.trim();
        // any blank or control character, not only a space (found by CliConvertersFuzzTest: "[\u000b]")
        if (text.isEmpty() || text.chars().anyMatch(c -> c <= ' ' || c == 0x7f || Character.isWhitespace(c))) {
            throw new TypeConversionException("expected HOST[:PORT], got '" + value + "'");
        }
        String host = text;
        String port = null;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                throw new TypeConversionException("unclosed '[' in '" + value + "'");
            }
            host = text.substring(1, close);
            String rest = text.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw new TypeConversionException("expected [IPv6]:PORT, got '" + value + "'");
                }
                port = rest.substring(1);
            }
        } else if (text.indexOf(':') >= 0 && text.indexOf(':') == text.lastIndexOf(':')) {
            host = text.substring(0, text.indexOf(':'));
            port = text.substring(text.indexOf(':') + 1);
        }
        if (host.isEmpty()) {
            throw new TypeConversionException("missing host in '" + value + "'");
        }
        return new HostPort(host, port == null ? 0 : Ports.parse(port, "port in '" + value + "'", 1));
    }
}
