package io.github.ucmaworkbench.sip;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * A TCP connection's bytes, handed to the stack only in whole SIP messages: the start line and
 * headers up to the blank line, then as many body bytes as Content-Length says (RFC 3261 §18.3).
 *
 * <p>JAIN-SIP quirk: when a connection closes in the middle of a body, the RI's
 * PipelinedMsgParser fills the missing bytes with zeros and processes the message, so an INVITE
 * cut off after 100 of its 500 bytes reached the application as a call. Here a message is
 * released only once it is complete; what is left unfinished when the peer closes is dropped
 * and reported to {@code onCut}. Keep-alive CRLFs (RFC 5626 §4.4.1) pass at once. A head longer
 * than {@link #MAX_HEAD} or a body over {@link #MAX_BODY} is passed on as it comes, from then on
 * for the whole connection, so the RI's own limits (and our 413) still apply to it.
 */
final class WholeMessageInputStream extends InputStream {
    static final int MAX_HEAD = 64 * 1024;
    static final int MAX_BODY = 1024 * 1024;
    /**
     * JAIN-SIP quirk: at end of stream the RI's TCP channel closes its PipelinedMsgParser at once
     * (isRunning false, its pipe closed), and a whole message the parser thread has not yet taken
     * from the pipe is dropped: a callee's 200 written just before its FIN was lost once in 400 to
     * 800 requests (RegistrarTcpCloseTest). The end of stream is held back this long after the
     * last bytes went out, so the parser thread takes them first.
     */
    static final long EOF_GRACE_NANOS = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(200);

    private final InputStream in;
    private final Consumer<String> onCut;
    private byte[] held = new byte[8192];
    private int heldLength;
    /** How many bytes at the start of {@link #held} are whole messages, free to go. */
    private int releasable;
    private boolean eof;
    private boolean passThrough;
    /** When the last bytes went to the stack (System.nanoTime), for {@link #EOF_GRACE_NANOS}. */
    private volatile long lastReleaseNanos;

    WholeMessageInputStream(InputStream in, Consumer<String> onCut) {
        this.in = in;
        this.onCut = onCut;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = readWhole(b, off, len);
        if (n < 0) {
            holdEndOfStream(); // outside the lock
        }
        return n;
    }

    private synchronized int readWhole(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (releasable == 0) {
            if (eof) {
                return -1;
            }
            fill();
        }
        int n = Math.min(len, releasable);
        System.arraycopy(held, 0, b, off, n);
        System.arraycopy(held, n, held, 0, heldLength - n);
        heldLength -= n;
        releasable -= n;
        lastReleaseNanos = System.nanoTime();
        return n;
    }

    private void holdEndOfStream() {
        long left = lastReleaseNanos == 0 ? 0 : EOF_GRACE_NANOS - (System.nanoTime() - lastReleaseNanos);
        if (left > 0) {
            try {
                java.util.concurrent.TimeUnit.NANOSECONDS.sleep(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public synchronized int available() {
        return releasable;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private void fill() throws IOException {
        if (heldLength == held.length) {
            held = Arrays.copyOf(held, held.length * 2);
        }
        int n = in.read(held, heldLength, held.length - heldLength);
        if (n < 0) {
            eof = true;
            for (int i = releasable; i < heldLength; i++) {
                if (!isBlank(held[i])) {
                    onCut.accept("a message cut off when the connection closed (" + (heldLength - releasable)
                            + " bytes of it came)");
                    heldLength = releasable;
                    return;
                }
            }
            releasable = heldLength; // only CRLFs: let the RI see them
            return;
        }
        heldLength += n;
        releasable = passThrough ? heldLength : wholeMessagesEnd(releasable);
    }

    /** Where the last whole message that starts at or after {@code from} ends (from itself if none is complete). */
    private int wholeMessagesEnd(int from) {
        int p = from;
        while (true) {
            while (p < heldLength && (held[p] == '\r' || held[p] == '\n')) {
                p++;
            }
            if (p == heldLength) {
                return p;
            }
            int headEnd = headEnd(p);
            if (headEnd < 0) {
                if (heldLength - p > MAX_HEAD) {
                    passThrough = true;
                    return heldLength;
                }
                return p;
            }
            long body = contentLength(p, headEnd);
            if (body > MAX_BODY) {
                passThrough = true;
                return heldLength;
            }
            if (headEnd + body > heldLength) {
                return p;
            }
            p = headEnd + (int) body;
        }
    }

    /** Just past the blank line that ends the head starting at {@code start}, or -1 (the RI's rule: a line of only whitespace). */
    private int headEnd(int start) {
        int lineStart = -1; // the start line never ends the head
        for (int i = start; i < heldLength; i++) {
            if (held[i] != '\n') {
                continue;
            }
            if (lineStart >= 0) {
                boolean blank = true;
                for (int j = lineStart; j < i && blank; j++) {
                    blank = isBlank(held[j]);
                }
                if (blank) {
                    return i + 1;
                }
            }
            lineStart = i + 1;
        }
        return -1;
    }

    /** The last Content-Length (or compact {@code l}) in the head, as the RI keeps it; 0 when absent or unreadable. */
    private long contentLength(int start, int end) {
        long length = 0;
        int lineStart = start;
        for (int i = start; i < end; i++) {
            if (held[i] != '\n') {
                continue;
            }
            String line = new String(held, lineStart, i - lineStart, java.nio.charset.StandardCharsets.ISO_8859_1);
            int colon = line.indexOf(':');
            if (colon > 0) {
                String name = line.substring(0, colon).strip();
                if (name.equalsIgnoreCase("Content-Length") || name.equalsIgnoreCase("l")) {
                    try {
                        length = Math.max(0, Long.parseLong(line.substring(colon + 1).strip()));
                    } catch (NumberFormatException e) {
                        length = 0; // the parser refuses it; nothing to wait for
                    }
                }
            }
            lineStart = i + 1;
        }
        return length;
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }
}
