package io.github.ucmaworkbench.trace.export;

import io.github.ucmaworkbench.trace.SipTrace;
import io.github.ucmaworkbench.trace.SipTraceEvent;
import io.github.ucmaworkbench.trace.TraceQueue;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Records the trace while a headless command runs and writes the files when closed: the CLI's
 * {@code --trace FILE} (text, {@link TextExporter}) and {@code --pcap FILE} ({@link PcapExporter}).
 *
 * <pre>{@code
 * try (TraceRecorder recorder = TraceRecorder.start(SipTrace.global(), textFileOrNull, pcapFileOrNull)) {
 *     ... run the lesson ...
 * } // files written here
 * }</pre>
 *
 * Only records what happens after {@link #start}. Holds at most {@link #CAPACITY} records in
 * memory (the oldest are dropped beyond that, and {@link #dropped()} says how many).
 */
public final class TraceRecorder implements AutoCloseable {
    public static final int CAPACITY = 200_000;

    private final TraceQueue queue;
    private final Path textFile;
    private final Path pcapFile;
    private boolean closed;

    private TraceRecorder(SipTrace trace, Path textFile, Path pcapFile) {
        this.queue = new TraceQueue(trace, CAPACITY);
        this.textFile = textFile;
        this.pcapFile = pcapFile;
    }

    /** Starts recording; either file may be null (not written). */
    public static TraceRecorder start(SipTrace trace, Path textFile, Path pcapFile) {
        return new TraceRecorder(trace, textFile, pcapFile);
    }

    /** How many records were dropped for want of room. */
    public long dropped() {
        return queue.dropped();
    }

    /** Stops recording and writes the files (once; a second close does nothing). */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        queue.close();
        List<SipTraceEvent> events = new ArrayList<>(queue.drain());
        if (textFile != null) {
            TextExporter.write(events, textFile);
        }
        if (pcapFile != null) {
            PcapExporter.write(events, pcapFile);
        }
    }
}
