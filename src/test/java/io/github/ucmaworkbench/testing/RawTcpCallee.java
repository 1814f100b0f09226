package io.github.ucmaworkbench.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A SIP callee written on a bare TCP socket, so a test controls exactly when the connection ends:
 * it answers every request on a connection 200 OK and closes the connection the instant it has
 * written the answer to the {@code closeAfter}-th one (a phone, or SIPp, that exits at once).
 */
public final class RawTcpCallee implements AutoCloseable {
    private final ServerSocket server;
    private final int closeAfter;
    private final AtomicInteger answered = new AtomicInteger();
    private final Thread acceptor;

    public RawTcpCallee(int closeAfter) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.closeAfter = closeAfter;
        this.acceptor = new Thread(this::acceptLoop, "raw-tcp-callee");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(server.getInetAddress(), port());
    }

    /** How many requests got their 200 so far. */
    public int answered() {
        return answered.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                s.setTcpNoDelay(true);
                InputStream in = s.getInputStream();
                for (int i = 0; i < closeAfter; i++) {
                    String request = readMessage(in);
                    if (request == null) {
                        break;
                    }
                    answered.incrementAndGet(); // before the write: the caller may be faster than us
                    s.getOutputStream().write(RawResponses.to(request, "200 OK", "raw").getBytes(StandardCharsets.UTF_8));
                    s.getOutputStream().flush();
                }
                // closing here, right after the write, is the point of this class
            } catch (IOException e) {
                // closed by the test, or the peer went away: accept the next one
            }
        }
    }

    /** One SIP message (headers + Content-Length body), or null at end of stream. */
    private static String readMessage(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while (matched < 4 && (b = in.read()) != -1) {
            head.write(b);
            matched = (b == '\r' || b == '\n') ? (b == "\r\n\r\n".charAt(matched) ? matched + 1 : 0) : 0;
        }
        if (matched < 4) {
            return null;
        }
        String text = head.toString(StandardCharsets.UTF_8).stripLeading();
        if (text.isEmpty()) {
            return readMessage(in); // a keep-alive CRLF
        }
        int length = 0;
        for (String line : text.split("\r\n")) {
            String lower = line.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("content-length:") || lower.startsWith("l:")) {
                length = Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        in.readNBytes(length);
        return text;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
