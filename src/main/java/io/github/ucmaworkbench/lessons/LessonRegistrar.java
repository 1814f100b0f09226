package io.github.ucmaworkbench.lessons;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The registrar a headless {@link LessonRunner} run signs both sides in to. The app layer supplies
 * its embedded registrar here, so lessons never depends on the registrar package.
 */
public interface LessonRegistrar extends AutoCloseable {
    /** Starts listening; the address both sides sign in to. Called once, on the runner's thread. */
    InetSocketAddress start() throws IOException;

    /** The domain the two users live in ({@code sip:client@DOMAIN}); valid after {@link #start()}. */
    String domain();

    /** Stops it; the run is over. Never throws. */
    @Override
    void close();

    /** Makes registrars; app provides one through {@code META-INF/services}. */
    interface Factory {
        /** A registrar that knows {@code users} (name to password); none: it asks nobody for a password. */
        LessonRegistrar create(Map<String, String> users);
    }

    /**
     * A fresh embedded registrar, from the {@link Factory} app registers as a service: the seam that
     * lets lessons run a registrar without importing the registrar layer.
     */
    static LessonRegistrar embedded(Map<String, String> users) {
        return ServiceLoader.load(Factory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no LessonRegistrar.Factory service: app provides the embedded registrar"))
                .create(users);
    }
}
