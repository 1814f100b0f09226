package io.github.ucmaworkbench.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A SIP peer with no stack at all, for sending bytes no stack would send: over UDP from one bound
 * socket whose answers are collected in the background, or over TCP one connection at a time.
 * Only the status lines of what comes back are kept ("SIP/2.0 400 Missing Call-ID header").
 */
public final class RawSipPeer implements AutoCloseable {
    private final DatagramSocket udp;
    private final List<String> udpStatusLines = new CopyOnWriteArrayList<>();
    private final Thread reader;

    /** A UDP socket on 127.0.0.1 and a free port, reading answers until closed. */
    public RawSipPeer() throws IOException {
        this.udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.reader = new Thread(this::readUdp, "raw-sip-peer");
        reader.setDaemon(true);
        reader.start();
    }

    public int udpPort() {
        return udp.getLocalPort();
    }

    public void sendUdp(byte[] message, InetSocketAddress to) throws IOException {
        udp.send(new DatagramPacket(message, Math.min(message.length, 65_000), to));
    }

    /** Every status line received over UDP so far. */
    public List<String> udpStatusLines() {
        return List.copyOf(udpStatusLines);
    }

    private void readUdp() {
        byte[] buffer = new byte[65_535];
        while (!udp.isClosed()) {
            DatagramPacket p = new DatagramPacket(buffer, buffer.length);
            try {
                udp.receive(p);
                String text = new String(p.getData(), 0, p.getLength(), StandardCharsets.ISO_8859_1);
                if (text.startsWith("SIP/2.0 ")) {
                    udpStatusLines.add(text.substring(0, Math.max(0, text.indexOf("\r\n"))));
                }
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /**
     * Sends {@code message} on a new TCP connection from {@code localPort} (0 = any), closes
     * our sending side unless {@code keepOpen}, and returns the status lines read within
     * {@code wait}. With {@code keepOpen} the socket is returned open in {@code kept}.
     */
    public static List<String> tcp(byte[] message, InetSocketAddress to, int localPort, Duration wait,
            List<Socket> kept) throws IOException {
        Socket socket = new Socket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), localPort));
        socket.connect(to, 5000);
        List<String> lines = new ArrayList<>();
        try {
            try {
                socket.getOutputStream().write(message);
                socket.getOutputStream().flush();
            } catch (IOException closedByPeer) {
                return lines; // the peer may cut off what it will not read: an acceptable answer
            }
            if (wait.isZero()) {
                return lines;
            }
            socket.setSoTimeout((int) wait.toMillis());
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[65_535];
            StringBuilder text = new StringBuilder();
            try {
                int n;
                while (lines.isEmpty() && (n = in.read(buffer)) > 0) {
                    text.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                    for (String line : text.toString().split("\r\n")) {
                        if (line.startsWith("SIP/2.0 ") && !line.startsWith("SIP/2.0 100 ")) {
                            lines.add(line);
                        }
                    }
                }
            } catch (SocketTimeoutException | java.net.SocketException e) {
                // nothing (more) came back in time, or the peer reset the connection
            }
            return lines;
        } finally {
            if (kept != null) {
                kept.add(socket);
            } else {
                socket.close();
            }
        }
    }

    @Override
    public void close() {
        udp.close();
    }
}
