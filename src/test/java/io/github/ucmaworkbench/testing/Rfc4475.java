package io.github.ucmaworkbench.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The RFC 4475 torture messages we keep under {@code src/test/resources/rfc4475/}, our own
 * versions of the RFC's cases (named after them), with CRLF line ends as sent on the wire.
 * Placeholders in braces ({@code {ruri}}, {@code {to}}, {@code {via}}, {@code {host}},
 * {@code {port}}, {@code {n}}, {@code {registrar}}, {@code {domain}}) are filled in per send, so a
 * message names our raw socket (the answer comes back to it) and is a new transaction each time.
 */
public final class Rfc4475 {
    private Rfc4475() {
    }

    /** The message named {@code name} (without {@code .sip}) as its file holds it. */
    public static String template(String name) {
        try (InputStream in = Rfc4475.class.getResourceAsStream("/rfc4475/" + name + ".sip")) {
            if (in == null) {
                throw new IllegalArgumentException("no RFC 4475 message " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code text} with every {@code {key}} replaced by its value. */
    public static byte[] fill(String text, Map<String, String> values) {
        String out = text;
        for (Map.Entry<String, String> e : values.entrySet()) {
            out = out.replace("{" + e.getKey() + "}", e.getValue());
        }
        return out.getBytes(StandardCharsets.ISO_8859_1);
    }
}
