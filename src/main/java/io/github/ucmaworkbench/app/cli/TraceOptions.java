package io.github.ucmaworkbench.app.cli;

import io.github.ucmaworkbench.trace.SipTrace;
import io.github.ucmaworkbench.trace.export.TraceRecorder;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --trace FILE} and {@code --pcap FILE}: every SIP message the command's endpoints saw,
 * written by the trace exporters when the command ends.
 */
final class TraceOptions {
    @Option(names = "--trace", paramLabel = "FILE", description = "Write every SIP message (text) to FILE at the end")
    Path traceFile;

    @Option(names = "--pcap", paramLabel = "FILE", description = "Write every SIP message as a pcap (Wireshark) to FILE at the end")
    Path pcapFile;

    boolean wanted() {
        return traceFile != null || pcapFile != null;
    }

    /** A one-line problem with the options, or null. */
    String problem() {
        if (traceFile != null && traceFile.equals(pcapFile)) {
            return "--trace and --pcap need two different files";
        }
        return null;
    }

    /** Starts recording; closing the result writes the files. */
    AutoCloseable start() {
        return wanted() ? TraceRecorder.start(SipTrace.global(), traceFile, pcapFile) : () -> { };
    }

    /**
     * Like {@link #start()}, but without {@code --trace}/{@code --pcap} nobody looks at the
     * messages, so the trace is switched off while nobody in the process subscribes: the headless
     * server and registrar then skip encoding every message a second time (about 15 % of the
     * busiest thread at 1,000 calls/s, BENCHMARKS.md).
     */
    AutoCloseable startOrSwitchOff() {
        return wanted() ? start() : SipTrace.global().switchOffUnlessWatched();
    }
}
