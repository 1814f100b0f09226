package io.github.ucmaworkbench.app.cli;

import io.github.ucmaworkbench.trace.SipTrace;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --trace FILE} and {@code --pcap FILE}: every SIP message the command's endpoints saw,
 * written when the command ends, by the trace exporters ({@code trace.export.TraceRecorder}).
 *
 * <p>The exporters arrive with the wire work; until that is merged the recorder is looked up by
 * name, and asking for a file without it is a usage error that says so (never a silent no-op).
 * Once it is on main, this lookup can become a direct call.
 */
final class TraceOptions {
    static final String RECORDER = "io.github.ucmaworkbench.trace.export.TraceRecorder";

    @Option(names = "--trace", paramLabel = "FILE", description = "Write every SIP message (text) to FILE at the end")
    Path traceFile;

    @Option(names = "--pcap", paramLabel = "FILE", description = "Write every SIP message as a pcap (Wireshark) to FILE at the end")
    Path pcapFile;

    boolean wanted() {
        return traceFile != null || pcapFile != null;
    }

    /** A one-line problem, or null. */
    String problem() {
        if (wanted() && recorderStart() == null) {
            return "--trace and --pcap are not available in this build (the trace exporters are not included yet)";
        }
        return null;
    }

    /** Starts recording; closing the result writes the files. Call only when {@link #problem()} is null. */
    AutoCloseable start() throws Exception {
        if (!wanted()) {
            return () -> { };
        }
        try {
            return (AutoCloseable) recorderStart().invoke(null, SipTrace.global(), traceFile, pcapFile);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private static Method recorderStart() {
        try {
            return Class.forName(RECORDER).getMethod("start", SipTrace.class, Path.class, Path.class);
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }
}
