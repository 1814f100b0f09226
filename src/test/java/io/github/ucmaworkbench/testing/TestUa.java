package io.github.ucmaworkbench.testing;

import io.github.ucmaworkbench.sip.SipStacks;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
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
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * A small SIP user agent on raw JAIN-SIP for tests: sends REGISTER (with digest retry),
 * INVITE/ACK/BYE/CANCEL/MESSAGE through a proxy, and answers what it receives with a chosen code.
 * It keeps JAIN-SIP's automatic dialog support on, so ACK and BYE follow the route set the proxy
 * record-routed. All waits are bounded; nothing sleeps.
 */
public final class TestUa implements AutoCloseable {
    /** Bound for every wait in tests. */
    public static final Duration WAIT = Duration.ofSeconds(5);
    /** Answer an INVITE with 180 and hold it (for CANCEL tests). */
    public static final int RING_ONLY = 180;

    private final String user;
    private final String domain;
    private final String transport;
    private final int port;
    private final SipStack stack;
    private final SipProvider provider;
    private final MessageFactory messages;
    private final HeaderFactory headers;
    private final AddressFactory addresses;
    private final Map<String, Integer> answers = new ConcurrentHashMap<>();
    private final Map<String, ServerTransaction> pendingInvites = new ConcurrentHashMap<>();
    private final List<Request> received = new ArrayList<>();
    private final AtomicLong cseq = new AtomicLong(1);
    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private volatile Dialog lastServerDialog;

    private TestUa(String user, String domain, String transport) throws Exception {
        this.user = user;
        this.domain = domain;
        this.transport = transport.toLowerCase(Locale.ROOT);
        this.port = FreePorts.pick();
        this.stack = SipStacks.create("sip:" + user + "@" + domain, new Properties());
        SipFactory f = SipFactory.getInstance();
        this.messages = f.createMessageFactory();
        this.headers = f.createHeaderFactory();
        this.addresses = f.createAddressFactory();
        ListeningPoint lp = stack.createListeningPoint("127.0.0.1", port, this.transport);
        this.provider = stack.createSipProvider(lp);
        provider.addSipListener(new Listener());
        answers.put(Request.INVITE, 200);
        answers.put(Request.BYE, 200);
        answers.put(Request.MESSAGE, 200);
        answers.put(Request.INFO, 200);
        answers.put(Request.OPTIONS, 200);
    }

    /** A UA for {@code user@domain} on 127.0.0.1 and a fresh port, over "udp" or "tcp". */
    public static TestUa start(String user, String domain, String transport) throws Exception {
        return new TestUa(user, domain, transport);
    }

    public String user() {
        return user;
    }

    public int port() {
        return port;
    }

    public String transport() {
        return transport;
    }

    public MessageFactory messages() {
        return messages;
    }

    public HeaderFactory headers() {
        return headers;
    }

    public AddressFactory addresses() {
        return addresses;
    }

    /** Our contact: {@code sip:user@127.0.0.1:port;transport=...}. */
    public String contact() {
        return "sip:" + user + "@127.0.0.1:" + port + ";transport=" + transport;
    }

    /** How this UA answers incoming requests of a method (INVITE: 180 first, then this code). */
    public void answer(String method, int code) {
        answers.put(method, code);
    }

    // ---- building requests ------------------------------------------------------------------

    /**
     * An out-of-dialog request from us, sent via {@code proxy} (a pre-loaded loose Route).
     *
     * @param method     e.g. {@code INVITE}
     * @param requestUri e.g. {@code sip:bob@example.com}
     * @param toUri      the To header's URI (for REGISTER our own AOR)
     */
    public Request request(String method, String requestUri, String toUri, InetSocketAddress proxy) throws Exception {
        SipURI from = addresses.createSipURI(user, domain);
        Request r = messages.createRequest(addresses.createURI(requestUri), method,
                provider.getNewCallId(), headers.createCSeqHeader(cseq.getAndIncrement(), method),
                headers.createFromHeader(addresses.createAddress(from), tag + cseq.get()),
                headers.createToHeader(addresses.createAddress(addresses.createURI(toUri)), null),
                new ArrayList<>(List.of(via())), headers.createMaxForwardsHeader(70));
        if (proxy != null) {
            SipURI route = addresses.createSipURI(null, proxy.getAddress().getHostAddress());
            route.setPort(proxy.getPort());
            route.setLrParam();
            route.setTransportParam(transport);
            r.addHeader(headers.createRouteHeader(addresses.createAddress(route)));
        }
        if (!Request.REGISTER.equals(method)) {
            r.addHeader(headers.createContactHeader(addresses.createAddress(addresses.createURI(contact()))));
        }
        return r;
    }

    /** A REGISTER for our AOR with the given raw Contact values (none = query). */
    public Request register(InetSocketAddress registrar, Integer expires, String... contacts) throws Exception {
        Request r = request(Request.REGISTER, "sip:" + domain, "sip:" + user + "@" + domain, registrar);
        for (String c : contacts) {
            r.addHeader(headers.createHeader(ContactHeader.NAME, c));
        }
        if (expires != null) {
            r.addHeader(headers.createExpiresHeader(expires));
        }
        return r;
    }

    /** Our contact as a Contact header value with an {@code expires} param. */
    public String contactValue(int expires) {
        return "<" + contact() + ">;expires=" + expires;
    }

    /** Adds a text/plain body. */
    public Request withText(Request r, String text) throws Exception {
        ContentTypeHeader ct = headers.createContentTypeHeader("text", "plain");
        r.setContent(text.getBytes(StandardCharsets.UTF_8), ct);
        return r;
    }

    // ---- sending ----------------------------------------------------------------------------

    /** Sends a request in a new client transaction. */
    public SentRequest send(Request request) throws Exception {
        ClientTransaction ct = provider.getNewClientTransaction(request);
        SentRequest out = new SentRequest(this, provider, ct);
        ct.setApplicationData(out);
        ct.sendRequest();
        return out;
    }

    /** Sends and waits for the final response. */
    public Response call(Request request) throws Exception {
        return send(request).finalResponse();
    }

    /**
     * Sends a REGISTER; when challenged (401), answers the challenge with {@code password} in a new
     * request (CSeq + 1, same Call-ID) and returns the response to that.
     */
    public Response registerWithPassword(Request register, String password) throws Exception {
        Response first = call(register);
        if (first.getStatusCode() != Response.UNAUTHORIZED) {
            return first;
        }
        WWWAuthenticateHeader challenge = (WWWAuthenticateHeader) first.getHeader(WWWAuthenticateHeader.NAME);
        Request again = (Request) register.clone();
        CSeqHeader cs = (CSeqHeader) again.getHeader(CSeqHeader.NAME);
        cs.setSeqNumber(cs.getSeqNumber() + 1);
        cseq.set(cs.getSeqNumber() + 1);
        again.removeFirst(ViaHeader.NAME);
        again.addFirst(via());
        again.setHeader(authorization(again, challenge, password));
        return call(again);
    }

    private AuthorizationHeader authorization(Request r, WWWAuthenticateHeader ch, String password) throws Exception {
        String uri = r.getRequestURI().toString();
        String cnonce = UUID.randomUUID().toString().substring(0, 8);
        String nc = "00000001";
        String ha1 = md5(user + ":" + ch.getRealm() + ":" + password);
        String ha2 = md5(r.getMethod() + ":" + uri);
        String response = md5(ha1 + ":" + ch.getNonce() + ":" + nc + ":" + cnonce + ":auth:" + ha2);
        AuthorizationHeader a = headers.createAuthorizationHeader("Digest");
        a.setUsername(user);
        a.setRealm(ch.getRealm());
        a.setNonce(ch.getNonce());
        a.setURI(r.getRequestURI());
        a.setAlgorithm("MD5");
        a.setQop("auth");
        a.setCNonce(cnonce);
        a.setNonceCount(1);
        a.setResponse(response);
        return a;
    }

    private static String md5(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    private ViaHeader via() throws Exception {
        return headers.createViaHeader("127.0.0.1", port, transport, "z9hG4bK" + UUID.randomUUID());
    }

    // ---- receiving --------------------------------------------------------------------------

    /** Waits for the first not yet consumed request of a method; fails after {@link #WAIT}. */
    public Request awaitRequest(String method) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        synchronized (received) {
            while (true) {
                for (Request r : received) {
                    if (r.getMethod().equals(method)) {
                        received.remove(r);
                        return r;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError(user + " received no " + method + " within " + WAIT.toSeconds() + " s");
                }
                TimeUnit.NANOSECONDS.timedWait(received, left);
            }
        }
    }

    /** True when a request of this method arrived and was not consumed. */
    public boolean hasReceived(String method) {
        synchronized (received) {
            return received.stream().anyMatch(r -> r.getMethod().equals(method));
        }
    }

    private void record(Request r) {
        synchronized (received) {
            received.add(r);
            received.notifyAll();
        }
    }

    private final class Listener implements SipListener {
        @Override
        public void processRequest(RequestEvent event) {
            Request r = event.getRequest();
            try {
                if (Request.ACK.equals(r.getMethod())) {
                    record(r);
                    return;
                }
                ServerTransaction st = event.getServerTransaction();
                if (st == null) {
                    st = provider.getNewServerTransaction(r);
                }
                if (Request.CANCEL.equals(r.getMethod())) {
                    st.sendResponse(messages.createResponse(Response.OK, r));
                    ServerTransaction invite = pendingInvites.remove(branchOf(r));
                    if (invite != null) {
                        invite.sendResponse(response(invite.getRequest(), Response.REQUEST_TERMINATED));
                    }
                    record(r);
                    return;
                }
                int code = answers.getOrDefault(r.getMethod(), Response.NOT_IMPLEMENTED);
                record(r);
                if (Request.INVITE.equals(r.getMethod())) {
                    st.sendResponse(response(r, Response.RINGING));
                    lastServerDialog = st.getDialog();
                    if (code == RING_ONLY) {
                        pendingInvites.put(branchOf(r), st);
                        return;
                    }
                }
                st.sendResponse(response(r, code));
            } catch (Exception e) {
                throw new IllegalStateException(user + " cannot answer " + r.getMethod(), e);
            }
        }

        @Override
        public void processResponse(ResponseEvent event) {
            ClientTransaction ct = event.getClientTransaction();
            if (ct != null && ct.getApplicationData() instanceof SentRequest out) {
                out.responded(event.getResponse(), ct.getDialog());
            }
        }

        @Override
        public void processTimeout(TimeoutEvent event) {
            if (!event.isServerTransaction() && event.getClientTransaction().getApplicationData() instanceof SentRequest out) {
                out.timedOut();
            }
        }

        @Override
        public void processIOException(IOExceptionEvent event) {
        }

        @Override
        public void processTransactionTerminated(TransactionTerminatedEvent event) {
        }

        @Override
        public void processDialogTerminated(DialogTerminatedEvent event) {
        }
    }

    private Response response(Request r, int code) throws Exception {
        Response resp = messages.createResponse(code, r);
        ToHeader to = (ToHeader) resp.getHeader(ToHeader.NAME);
        if (to.getTag() == null) {
            to.setTag("uas" + tag);
        }
        if (Request.INVITE.equals(r.getMethod()) && code < 300) {
            Address me = addresses.createAddress(addresses.createURI(contact()));
            resp.addHeader(headers.createContactHeader(me));
        }
        return resp;
    }

    private static String branchOf(Request r) {
        return ((ViaHeader) r.getHeader(ViaHeader.NAME)).getBranch();
    }

    /** The dialog of the last INVITE this UA answered (the stack creates it). */
    public Dialog lastServerDialog() {
        return lastServerDialog;
    }

    /** Sends a request of {@code method} in {@code dialog}; returns its final response. */
    public Response inDialog(Dialog dialog, String method) throws Exception {
        Request req = dialog.createRequest(method);
        ClientTransaction tx = provider.getNewClientTransaction(req);
        SentRequest out = new SentRequest(this, provider, tx);
        tx.setApplicationData(out);
        dialog.sendRequest(tx);
        return out.finalResponse();
    }

    /** The Call-ID of a message. */
    public static String callIdOf(javax.sip.message.Message m) {
        return ((CallIdHeader) m.getHeader(CallIdHeader.NAME)).getCallId();
    }

    @Override
    public void close() {
        // Twice, as the registrar's QuickStop does: the second stop finishes what an NPE in
        // UDPMessageProcessor.stop() (a stack stopped before its UDP thread ran) left bound.
        SipStacks.stop(stack);
        SipStacks.stop(stack);
    }
}
