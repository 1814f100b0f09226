package io.github.ucmaworkbench.trace.export;

import io.github.ucmaworkbench.trace.SipTraceEvent;
import io.github.ucmaworkbench.trace.ladder.LadderArrow;
import io.github.ucmaworkbench.trace.ladder.LadderModel;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the trace as a libpcap capture (Ethernet link type) that Wireshark and tshark open:
 * one packet per message on the wire — a message traced by both its sender and its receiver is
 * written once — with synthetic Ethernet/IP/UDP or TCP framing around the real addresses and
 * ports.
 *
 * <p>The framing is made up, the SIP text and the endpoints are not: the source is the address
 * the receiver saw the message come from (for TCP that is the connection's real ephemeral port),
 * the destination is where the sender sent it. TCP segments carry sequence numbers that continue
 * per direction of each connection, so the dissector reassembles them as one stream; there is no
 * handshake. IPv4 header, UDP and TCP checksums are computed, so a checksum-validating reader is
 * content too.
 */
public final class PcapExporter {
    private static final int LINKTYPE_ETHERNET = 1;
    private static final int SNAPLEN = 262_144;
    /** The largest payload one synthetic IPv4 packet carries; a bigger TCP message is segmented. */
    private static final int MAX_SEGMENT = 65_000;
    private static final int MAX_UDP_PAYLOAD = 65_507;

    private final OutputStream out;
    private final Map<String, long[]> tcpNextSeq = new HashMap<>();
    private int ipId = 1;

    private PcapExporter(OutputStream out) {
        this.out = out;
    }

    /** Pairs the events into messages and writes one packet per message. */
    public static void write(List<SipTraceEvent> events, Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            write(events, out);
        }
    }

    public static void write(List<SipTraceEvent> events, OutputStream out) throws IOException {
        LadderModel model = new LadderModel();
        model.addAll(events);
        write(model, out);
    }

    /** Writes one packet per arrow of the model, in ladder order. */
    public static void write(LadderModel model, OutputStream out) throws IOException {
        PcapExporter exporter = new PcapExporter(out);
        exporter.globalHeader();
        for (LadderArrow arrow : model.arrows()) {
            exporter.message(arrow);
        }
        out.flush();
    }

    private void globalHeader() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0xa1b2c3d4); // microsecond timestamps, written in our byte order
        b.putShort((short) 2).putShort((short) 4);
        b.putInt(0).putInt(0);
        b.putInt(SNAPLEN).putInt(LINKTYPE_ETHERNET);
        out.write(b.array());
    }

    private void message(LadderArrow arrow) throws IOException {
        Endpoint src = Endpoint.parse(arrow.sourceAddress());
        Endpoint dst = Endpoint.parse(arrow.destinationAddress());
        byte[] payload = arrow.primary().rawText().getBytes(StandardCharsets.UTF_8);
        long micros = arrow.time().getEpochSecond() * 1_000_000L + arrow.time().getNano() / 1_000;
        boolean tcp = !"UDP".equalsIgnoreCase(arrow.transport());
        if (!tcp) {
            int length = Math.min(payload.length, MAX_UDP_PAYLOAD);
            packet(micros, src, dst, udp(src, dst, payload, length), 17);
            return;
        }
        String flow = src + ">" + dst;
        String reverse = dst + ">" + src;
        long[] seq = tcpNextSeq.computeIfAbsent(flow, k -> new long[] {initialSequence(k)});
        long[] ack = tcpNextSeq.computeIfAbsent(reverse, k -> new long[] {initialSequence(k)});
        for (int offset = 0; offset < payload.length || offset == 0; offset += MAX_SEGMENT) {
            int length = Math.min(MAX_SEGMENT, payload.length - offset);
            packet(micros, src, dst, tcp(src, dst, seq[0], ack[0], payload, offset, length), 6);
            seq[0] = (seq[0] + length) & 0xffffffffL;
            if (length == 0) {
                break;
            }
        }
    }

    private static long initialSequence(String flow) {
        return (flow.hashCode() & 0x7fffffffL) | 1;
    }

    private void packet(long micros, Endpoint src, Endpoint dst, byte[] transport, int protocol) throws IOException {
        boolean v6 = src.address.length == 16 || dst.address.length == 16;
        byte[] ip = v6 ? ipv6(src, dst, transport, protocol) : ipv4(src, dst, transport, protocol);
        ByteBuffer frame = ByteBuffer.allocate(14 + ip.length);
        frame.put(mac(dst)).put(mac(src)).putShort((short) (v6 ? 0x86dd : 0x0800)).put(ip);
        int length = frame.capacity();
        int captured = Math.min(length, SNAPLEN);
        ByteBuffer record = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        record.putInt((int) (micros / 1_000_000)).putInt((int) (micros % 1_000_000));
        record.putInt(captured).putInt(length);
        out.write(record.array());
        out.write(frame.array(), 0, captured);
    }

    /** A locally administered MAC made from the address, so each host keeps one MAC. */
    private static byte[] mac(Endpoint e) {
        byte[] a = e.address;
        return new byte[] {0x02, 0x00, a[a.length - 4], a[a.length - 3], a[a.length - 2], a[a.length - 1]};
    }

    private byte[] ipv4(Endpoint src, Endpoint dst, byte[] transport, int protocol) {
        ByteBuffer b = ByteBuffer.allocate(20 + transport.length);
        b.put((byte) 0x45).put((byte) 0).putShort((short) (20 + transport.length));
        b.putShort((short) ipId++).putShort((short) 0x4000); // don't fragment
        b.put((byte) 64).put((byte) protocol).putShort((short) 0);
        b.put(v4(src)).put(v4(dst));
        b.putShort(10, (short) checksum(b.array(), 0, 20, 0));
        b.put(transport);
        return b.array();
    }

    private static byte[] ipv6(Endpoint src, Endpoint dst, byte[] transport, int protocol) {
        ByteBuffer b = ByteBuffer.allocate(40 + transport.length);
        b.putInt(0x60000000).putShort((short) transport.length).put((byte) protocol).put((byte) 64);
        b.put(v6(src)).put(v6(dst)).put(transport);
        return b.array();
    }

    private static byte[] udp(Endpoint src, Endpoint dst, byte[] payload, int length) {
        ByteBuffer b = ByteBuffer.allocate(8 + length);
        b.putShort((short) src.port).putShort((short) dst.port).putShort((short) (8 + length)).putShort((short) 0);
        b.put(payload, 0, length);
        int sum = checksum(b.array(), 0, b.capacity(), pseudoHeaderSum(src, dst, 17, b.capacity()));
        b.putShort(6, (short) (sum == 0 ? 0xffff : sum)); // RFC 768: a computed 0 is sent as all ones
        return b.array();
    }

    private static byte[] tcp(Endpoint src, Endpoint dst, long seq, long ack, byte[] payload, int offset, int length) {
        ByteBuffer b = ByteBuffer.allocate(20 + length);
        b.putShort((short) src.port).putShort((short) dst.port);
        b.putInt((int) seq).putInt((int) ack);
        b.put((byte) 0x50).put((byte) 0x18); // header length 20, flags PSH+ACK
        b.putShort((short) 0xffff).putShort((short) 0).putShort((short) 0);
        b.put(payload, offset, length);
        b.putShort(16, (short) checksum(b.array(), 0, b.capacity(), pseudoHeaderSum(src, dst, 6, b.capacity())));
        return b.array();
    }

    private static int pseudoHeaderSum(Endpoint src, Endpoint dst, int protocol, int length) {
        boolean v6 = src.address.length == 16 || dst.address.length == 16;
        byte[] s = v6 ? v6(src) : v4(src);
        byte[] d = v6 ? v6(dst) : v4(dst);
        int sum = 0;
        for (byte[] a : new byte[][] {s, d}) {
            for (int i = 0; i < a.length; i += 2) {
                sum += ((a[i] & 0xff) << 8) | (a[i + 1] & 0xff);
            }
        }
        return sum + protocol + (length >>> 16) + (length & 0xffff);
    }

    /** The Internet checksum (RFC 1071) of {@code data[from, from+length)} plus an initial sum. */
    static int checksum(byte[] data, int from, int length, int initial) {
        long sum = initial & 0xffffffffL;
        int i = from;
        for (; i + 1 < from + length; i += 2) {
            sum += ((data[i] & 0xff) << 8) | (data[i + 1] & 0xff);
        }
        if (i < from + length) {
            sum += (data[i] & 0xff) << 8;
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) (~sum & 0xffff);
    }

    private static byte[] v4(Endpoint e) {
        if (e.address.length == 4) {
            return e.address;
        }
        byte[] v4 = new byte[4];
        System.arraycopy(e.address, 12, v4, 0, 4);
        return v4;
    }

    private static byte[] v6(Endpoint e) {
        if (e.address.length == 16) {
            return e.address;
        }
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(e.address, 0, mapped, 12, 4);
        return mapped;
    }

    /** An address and port from a trace's {@code host:port}; a name (never resolved) gets a TEST-NET-2 address. */
    private record Endpoint(String text, byte[] address, int port) {
        static Endpoint parse(String hostPort) {
            String s = hostPort == null ? "" : hostPort.trim();
            int colon = s.lastIndexOf(':');
            String host = colon < 0 ? s : s.substring(0, colon);
            int port = 5060;
            if (colon >= 0) {
                try {
                    port = Integer.parseInt(s.substring(colon + 1));
                } catch (NumberFormatException e) {
                    port = 5060;
                }
            }
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            return new Endpoint(s, literal(host), port & 0xffff);
        }

        private static byte[] literal(String host) {
            // Only literals go to InetAddress: a name would start a DNS lookup.
            if (!host.isEmpty() && host.matches("[0-9a-fA-F:.%]+") && (host.contains(".") || host.contains(":"))) {
                try {
                    return InetAddress.getByName(host).getAddress();
                } catch (UnknownHostException e) {
                    // fall through to the made-up address
                }
            }
            return new byte[] {(byte) 198, 51, 100, (byte) (1 + (host.hashCode() & 0x7f))};
        }

        @Override
        public String toString() {
            return text;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Endpoint other && text.equals(other.text);
        }

        @Override
        public int hashCode() {
            return text.hashCode();
        }
    }
}
