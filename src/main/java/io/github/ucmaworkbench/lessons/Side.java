package io.github.ucmaworkbench.lessons;

import java.util.Locale;

/** Which tutorial manager a step drives or watches. */
public enum Side {
    CLIENT, SERVER;

    /** The name lesson files use: {@code client} or {@code server}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The side named {@code id}, or null. */
    public static Side byId(String id) {
        for (Side side : values()) {
            if (side.id().equals(id)) {
                return side;
            }
        }
        return null;
    }
}
