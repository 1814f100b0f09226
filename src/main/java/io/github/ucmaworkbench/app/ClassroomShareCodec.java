package io.github.ucmaworkbench.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.ucmaworkbench.settings.ClassroomShare;
import io.github.ucmaworkbench.settings.ClassroomShareFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Classroom settings as a small JSON file ({@value #FILE_EXTENSION}) and as one line to paste
 * ({@value #PREFIX} + the same JSON in base64url), so a chat message or a projector slide carries
 * it whole. Reading accepts either form, from a file or pasted; anything else is a
 * {@link ClassroomShare.Problem} with a sentence for the student.
 */
public final class ClassroomShareCodec {
    /** The format the dialogs use. */
    public static final ClassroomShareFormat FORMAT = new ClassroomShareFormat() {
        @Override
        public String line(ClassroomShare share) {
            return ClassroomShareCodec.line(share);
        }

        @Override
        public ClassroomShare parse(String text) throws ClassroomShare.Problem {
            return ClassroomShareCodec.parse(text);
        }

        @Override
        public ClassroomShare read(Path file) throws ClassroomShare.Problem {
            return ClassroomShareCodec.read(file);
        }

        @Override
        public void write(ClassroomShare share, Path file) throws IOException {
            ClassroomShareCodec.write(share, file);
        }
    };

    public static final String PREFIX = ClassroomShareFormat.PREFIX;
    public static final String FILE_EXTENSION = ClassroomShareFormat.FILE_EXTENSION;
    /** A share is a few hundred bytes; anything much larger is not one. */
    static final int MAX_BYTES = 16 * 1024;

    /**
     * Made on first use: the Help menu takes {@link #FORMAT} while the window is built, and an
     * ObjectMapper then would load some 300 Jackson classes on the event thread of a cold start.
     */
    private static final class Mapper {
        static final ObjectMapper MAPPER = new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    private ClassroomShareCodec() {
    }

    public static String json(ClassroomShare share) {
        try {
            return Mapper.MAPPER.writeValueAsString(share);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a record of strings and numbers always serializes", e);
        }
    }

    /** The one line to paste. */
    public static String line(ClassroomShare share) {
        try {
            byte[] compact = new ObjectMapper().writeValueAsBytes(share);
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(compact);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a record of strings and numbers always serializes", e);
        }
    }

    public static void write(ClassroomShare share, Path file) throws IOException {
        Files.writeString(file, json(share) + System.lineSeparator(), StandardCharsets.UTF_8);
    }

    /** Reads a shared file (JSON, or a file holding the one line). */
    public static ClassroomShare read(Path file) throws ClassroomShare.Problem {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new ClassroomShare.Problem(file.getFileName() + " is too large to be shared classroom settings.");
            }
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ClassroomShare.Problem("The file " + file + " cannot be read (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ").");
        }
    }

    /** Parses pasted text: the {@value #PREFIX} line or the JSON itself. Validated. */
    public static ClassroomShare parse(String text) throws ClassroomShare.Problem {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            throw new ClassroomShare.Problem("Nothing to join: paste the line the teacher shares (it starts with "
                    + PREFIX + ") or open the teacher's file.");
        }
        if (trimmed.length() > MAX_BYTES) {
            throw new ClassroomShare.Problem("This text is too long to be shared classroom settings.");
        }
        String json;
        if (trimmed.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            String payload = trimmed.substring(PREFIX.length()).strip();
            try {
                json = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new ClassroomShare.Problem("The text after " + PREFIX
                        + " is damaged (not base64url); copy the whole line again.");
            }
        } else if (trimmed.startsWith("{")) {
            json = trimmed;
        } else {
            throw new ClassroomShare.Problem("This is not a classroom share: it should start with " + PREFIX
                    + " or be the teacher's .json file.");
        }
        ClassroomShare share;
        try {
            share = Mapper.MAPPER.readValue(json, ClassroomShare.class);
        } catch (JsonProcessingException e) {
            throw new ClassroomShare.Problem("The classroom settings are damaged or incomplete: "
                    + e.getOriginalMessage());
        }
        if (share == null) {
            throw new ClassroomShare.Problem("The classroom settings are empty.");
        }
        share = new ClassroomShare(share.version(), share.registrarHost() == null ? null : share.registrarHost().trim(),
                share.registrarPort(), share.domain() == null ? null : share.domain().trim(), share.transport(),
                ClassroomShare.normalizeFingerprint(share.tlsFingerprint()));
        share.check();
        return share;
    }
}
