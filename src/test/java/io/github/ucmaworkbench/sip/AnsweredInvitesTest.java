package io.github.ucmaworkbench.sip;

import static org.assertj.core.api.Assertions.assertThat;

import gov.nist.javax.sip.stack.SIPTransactionStack;
import io.github.ucmaworkbench.testing.MalformedSip;
import io.github.ucmaworkbench.testing.RawResponses;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.EventObject;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sip.ClientTransaction;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.header.ToHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a proxy's answered INVITE leaves in JAIN-SIP once {@link AnsweredInvites} has let it go:
 * nothing in the stack's tables and not the INVITE itself, while a copy of it is still known for
 * RFC 6026's Timer L. Real stack, real datagrams on loopback; the far end is a bare socket.
 */
class AnsweredInvitesTest {
    private final BlockingQueue<EventObject> events = new LinkedBlockingQueue<>();
    private SipStack stack;
    private SipProvider provider;
    private MessageFactory messages;
    private DatagramSocket peer;
    private int port;

    @BeforeEach
    void start() throws Exception {
        stack = SipStacks.create("answered-invites", new Properties());
        port = FreePorts.anyFreePort(InetAddress.getLoopbackAddress(), true);
        ListeningPoint udp = stack.createListeningPoint("127.0.0.1", port, ListeningPoint.UDP);
        provider = stack.createSipProvider(udp);
        provider.addSipListener(new Queueing());
        messages = SipFactory.getInstance().createMessageFactory();
        peer = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        peer.setSoTimeout(10_000);
    }

    @AfterEach
    void stop() {
        if (peer != null) {
            peer.close();
        }
        if (stack != null) {
            stack.stop();
        }
    }

    @Test
    void anAnsweredInvitesServerTransactionLeavesTheStackAndItsCopiesAreKnownForTimerL() throws Exception {
        byte[] invite = MalformedSip.goodInvite("sip:bob@127.0.0.1", "127.0.0.1", peer.getLocalPort(), "UDP", 1)
                .getBytes(StandardCharsets.ISO_8859_1);
        Request request = receiveRequest(invite);
        ServerTransaction st = provider.getNewServerTransaction(request);
        Response ok = messages.createResponse(Response.OK, request);
        ((ToHeader) ok.getHeader(ToHeader.NAME)).setTag("answered");
        ok.addHeader(SipFactory.getInstance().createHeaderFactory().createContactHeader(
                SipFactory.getInstance().createAddressFactory().createAddress("sip:bob@127.0.0.1:" + port)));
        st.sendResponse(ok);
        assertThat(tables().getServerTransactionTableSize()).as("the RI keeps it after its 2xx").isEqualTo(1);

        AnsweredInvites answered = new AnsweredInvites();
        assertThat(answered.release(st)).isTrue();

        assertThat(tables().getServerTransactionTableSize()).as("out of the stack's table").isZero();
        assertThat(st.getRequest().getHeader("Call-ID")).as("the transaction no longer holds the INVITE")
                .isNotEqualTo(request.getHeader("Call-ID"));
        assertThat(answered.absorbs(request)).as("a copy of the INVITE").isTrue();
        Request other = receiveRequest(MalformedSip.goodInvite("sip:bob@127.0.0.1", "127.0.0.1", peer.getLocalPort(), "UDP", 2)
                .getBytes(StandardCharsets.ISO_8859_1));
        assertThat(answered.absorbs(other)).as("another INVITE").isFalse();

        long now = System.nanoTime();
        answered.sweep(now + AnsweredInvites.TIMER_L_NANOS / 2);
        assertThat(answered.absorbs(request)).as("half Timer L later").isTrue();
        answered.sweep(now + AnsweredInvites.TIMER_L_NANOS);
        assertThat(answered.absorbs(request)).as("Timer L later").isFalse();
        assertThat(answered.size()).isZero();
    }

    @Test
    void aBranchsInviteClientTransactionWithIts2xxLeavesTheStack() throws Exception {
        Request invite = messages.createRequest(MalformedSip.goodInvite("sip:bob@127.0.0.1:" + peer.getLocalPort(),
                "127.0.0.1", port, "UDP", 3));
        invite.removeFirst("Via"); // the stack adds its own, with its own branch
        invite.addFirst(SipFactory.getInstance().createHeaderFactory().createViaHeader("127.0.0.1", port, "udp", null));
        ClientTransaction ct = provider.getNewClientTransaction(invite);
        ct.sendRequest();
        String sent = receiveDatagram();
        peerSends(RawResponses.to(sent, "200 OK", "callee"));
        ResponseEvent answer = (ResponseEvent) next(ResponseEvent.class);
        assertThat(answer.getClientTransaction()).isSameAs(ct);
        assertThat(tables().getClientTransactionTableSize()).as("the RI keeps it until its timer looks").isEqualTo(1);

        AnsweredInvites answered = new AnsweredInvites();
        Response ringing = messages.createResponse(RawResponses.to(sent, "180 Ringing", "callee"));
        assertThat(answered.absorbs(ringing)).as("a 180 before the release").isFalse();
        assertThat(answered.release(ct)).isTrue();

        assertThat(tables().getClientTransactionTableSize()).as("out of the stack's table").isZero();
        assertThat(ct.getRequest().getHeader("Call-ID")).as("the transaction no longer holds the INVITE")
                .isNotEqualTo(invite.getHeader("Call-ID"));
        assertThat(answered.absorbs(ringing)).as("a 180 the callee sends after its 200").isTrue();
        assertThat(answered.absorbs(messages.createResponse(RawResponses.to(sent, "200 OK", "callee")))).as("a copy of the 200, owed upstream").isFalse();
        long now = System.nanoTime();
        answered.sweep(now + AnsweredInvites.TIMER_L_NANOS / 2);
        answered.sweep(now + AnsweredInvites.TIMER_L_NANOS);
        assertThat(answered.absorbs(ringing)).as("Timer M later").isFalse();
    }

    @Test
    void anythingButAnInviteIsLeftToTheStack() throws Exception {
        String message = MalformedSip.goodInvite("sip:bob@127.0.0.1", "127.0.0.1", peer.getLocalPort(), "UDP", 4)
                .replace("INVITE sip:", "MESSAGE sip:").replace(" INVITE\r\n", " MESSAGE\r\n");
        Request request = receiveRequest(message.getBytes(StandardCharsets.ISO_8859_1));
        ServerTransaction st = provider.getNewServerTransaction(request);
        st.sendResponse(messages.createResponse(Response.OK, request));

        assertThat(new AnsweredInvites().release(st)).isFalse();
        assertThat(tables().getServerTransactionTableSize()).isEqualTo(1);
        assertThat(st.getRequest()).isSameAs(request);
    }

    private SIPTransactionStack tables() {
        return (SIPTransactionStack) stack;
    }

    private Request receiveRequest(byte[] datagram) throws Exception {
        peerSends(new String(datagram, StandardCharsets.ISO_8859_1));
        return ((RequestEvent) next(RequestEvent.class)).getRequest();
    }

    private void peerSends(String text) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        peer.send(new DatagramPacket(bytes, bytes.length, new InetSocketAddress("127.0.0.1", port)));
    }

    private String receiveDatagram() throws Exception {
        byte[] buffer = new byte[65_535];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        peer.receive(packet);
        return new String(buffer, 0, packet.getLength(), StandardCharsets.ISO_8859_1);
    }

    private EventObject next(Class<? extends EventObject> type) throws InterruptedException {
        while (true) {
            EventObject event = events.poll(10, TimeUnit.SECONDS);
            assertThat(event).as("a %s within 10 s", type.getSimpleName()).isNotNull();
            if (type.isInstance(event)) {
                return event;
            }
        }
    }

    private final class Queueing implements SipListener {
        @Override public void processRequest(RequestEvent e) {
            events.add(e);
        }

        @Override public void processResponse(ResponseEvent e) {
            events.add(e);
        }

        @Override public void processTimeout(TimeoutEvent e) { }

        @Override public void processIOException(IOExceptionEvent e) { }

        @Override public void processTransactionTerminated(TransactionTerminatedEvent e) { }

        @Override public void processDialogTerminated(DialogTerminatedEvent e) { }
    }
}
