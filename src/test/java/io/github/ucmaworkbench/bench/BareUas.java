package io.github.ucmaworkbench.bench;

import gov.nist.core.CommonLogger;
import gov.nist.core.ServerLogger;
import gov.nist.core.StackLogger;
import gov.nist.javax.sip.message.SIPMessage;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.AddressFactory;
import javax.sip.header.ContactHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Benchmark 3's reference: the smallest JAIN-SIP UAS that answers INVITE with 200 and BYE with
 * 200, on the same RI as our {@code server}, tuned as STYLE.md's throughput note describes
 * ({@code THREAD_POOL_SIZE=4}, {@code REENTRANT_LISTENER=true}), with the same 8 MB UDP receive
 * buffer our stacks ask for (so neither side loses datagrams in the kernel), 8 KB datagram
 * buffers instead of 64 KB ones (else it runs out of heap when it falls behind) and no logging
 * at all. It does nothing else: no registration, no policy, no progress lines, no trace.
 *
 * <p>Usage: {@code BareUas PORT} (a free port: the RI refuses 0 here); prints "BareUas listening on 127.0.0.1:P"
 * and answers until killed. Prints its counters on exit.
 */
public final class BareUas implements SipListener {
    private final SipProvider provider;
    private final MessageFactory messages;
    private final HeaderFactory headers;
    private final ContactHeader contact;
    private final AtomicLong invites = new AtomicLong();
    private final AtomicLong byes = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    private BareUas(SipProvider provider, MessageFactory messages, HeaderFactory headers, AddressFactory addresses,
            ListeningPoint at) throws Exception {
        this.provider = provider;
        this.messages = messages;
        this.headers = headers;
        this.contact = headers.createContactHeader(addresses.createAddress(
                addresses.createSipURI("uas", at.getIPAddress() + ":" + at.getPort())));
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        CommonLogger.legacyLogger = new Silent();
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", "bare-uas");
        p.setProperty("gov.nist.javax.sip.STACK_LOGGER", Silent.class.getName());
        p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", SilentServer.class.getName());
        p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "4");
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        p.setProperty("gov.nist.javax.sip.RECEIVE_UDP_BUFFER_SIZE", String.valueOf(8 * 1024 * 1024));
        // The RI receives each datagram into a buffer of this size and queues it so: at its 64 KB
        // default a few seconds of backlog fill a 512 MB heap (OutOfMemoryError at 1,000 calls/s
        // on a busy machine). 8 KB is far above any SIP message sent over UDP (RFC 3261 §18.1.1).
        p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", "8192");
        SipFactory factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        SipStack stack = factory.createSipStack(p);
        ListeningPoint lp = stack.createListeningPoint("127.0.0.1", port, "udp");
        SipProvider provider = stack.createSipProvider(lp);
        BareUas uas = new BareUas(provider, factory.createMessageFactory(), factory.createHeaderFactory(),
                factory.createAddressFactory(), lp);
        provider.addSipListener(uas);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.printf(
                "BareUas invites=%d byes=%d failures=%d%n", uas.invites.get(), uas.byes.get(), uas.failures.get())));
        System.out.println("BareUas listening on 127.0.0.1:" + lp.getPort());
        System.out.flush();
        Thread.currentThread().join();
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        String method = request.getMethod();
        if (Request.ACK.equals(method)) {
            return;
        }
        try {
            ServerTransaction tx = event.getServerTransaction();
            if (tx == null) {
                tx = provider.getNewServerTransaction(request);
            }
            Response ok = messages.createResponse(Response.OK, request);
            if (Request.INVITE.equals(method)) {
                invites.incrementAndGet();
                ((ToHeader) ok.getHeader(ToHeader.NAME)).setTag(Long.toHexString(ThreadLocalRandom.current().nextLong()));
                ok.addHeader(contact);
            } else if (Request.BYE.equals(method)) {
                byes.incrementAndGet();
            }
            tx.sendResponse(ok);
        } catch (SipException | java.text.ParseException | RuntimeException e) {
            // a retransmission racing its first copy (TransactionAlreadyExists): the first answers it
            failures.incrementAndGet();
        } catch (javax.sip.InvalidArgumentException e) {
            failures.incrementAndGet();
        }
    }

    @Override
    public void processResponse(ResponseEvent event) {
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
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

    /** No logging at all: the bare stack does only SIP. */
    public static final class Silent implements StackLogger {
        @Override public void logStackTrace() { }
        @Override public void logStackTrace(int level) { }
        @Override public int getLineCount() { return 0; }
        @Override public void logException(Throwable t) { }
        @Override public void logDebug(String message) { }
        @Override public void logDebug(String message, Exception e) { }
        @Override public void logTrace(String message) { }
        @Override public void logFatalError(String message) { }
        @Override public void logError(String message) { }
        @Override public boolean isLoggingEnabled() { return false; }
        @Override public boolean isLoggingEnabled(int level) { return false; }
        @Override public void logError(String message, Exception e) { }
        @Override public void logWarning(String message) { }
        @Override public void logInfo(String message) { }
        @Override public void disableLogging() { }
        @Override public void enableLogging() { }
        @Override public void setBuildTimeStamp(String stamp) { }
        @Override public void setStackProperties(Properties properties) { }
        @Override public String getLoggerName() { return "silent"; }
    }

    /** No message log either. */
    public static final class SilentServer implements ServerLogger {
        @Override public void closeLogFile() { }
        @Override public void logMessage(SIPMessage m, String from, String to, boolean sender, long time) { }
        @Override public void logMessage(SIPMessage m, String from, String to, String status, boolean sender, long time) { }
        @Override public void logMessage(SIPMessage m, String from, String to, String status, boolean sender) { }
        @Override public void logException(Exception e) { }
        @Override public void setStackProperties(Properties properties) { }
        @Override public void setSipStack(SipStack stack) { }
    }
}
