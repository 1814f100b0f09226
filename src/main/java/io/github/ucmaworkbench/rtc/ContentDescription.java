package io.github.ucmaworkbench.rtc;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** A body offered or answered in offer/answer (usually SDP); mirrors UCMA's {@code ContentDescription}. */
public final class ContentDescription {
    private final ContentType contentType;
    private final byte[] body;

    public ContentDescription(ContentType contentType, byte[] body) {
        this.contentType = Objects.requireNonNull(contentType, "contentType");
        this.body = Objects.requireNonNull(body, "body").clone();
    }

    public ContentDescription(ContentType contentType, String body) {
        this(contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    public ContentType getContentType() {
        return contentType;
    }

    public byte[] getBody() {
        return body.clone();
    }

    public String getBodyString() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
