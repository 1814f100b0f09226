package io.github.ucmaworkbench.testing;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.SipProvider;
import javax.sip.header.CSeqHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * One request a {@link TestUa} sent: its responses, and for an INVITE the dialog for ACK, BYE and
 * CANCEL. Every wait is bounded by {@link TestUa#WAIT}.
 */
public final class SentRequest {
    private final TestUa ua;
    private final SipProvider provider;
    private final ClientTransaction ct;
    private final CompletableFuture<Response> provisional = new CompletableFuture<>();
    private final CompletableFuture<Response> finalResponse = new CompletableFuture<>();
    private volatile Dialog dialog;

    SentRequest(TestUa ua, SipProvider provider, ClientTransaction ct) {
        this.ua = ua;
        this.provider = provider;
        this.ct = ct;
    }

    void responded(Response r, Dialog d) {
        if (d != null) {
            dialog = d;
        }
        if (r.getStatusCode() < 200) {
            if (r.getStatusCode() > 100) {
                provisional.complete(r);
            }
        } else {
            finalResponse.complete(r);
        }
    }

    void timedOut() {
        finalResponse.completeExceptionally(new AssertionError("transaction timed out"));
    }

    /** The first provisional response above 100, waited for. */
    public Response provisional() throws Exception {
        return provisional.get(TestUa.WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The final response, waited for. */
    public Response finalResponse() throws Exception {
        return finalResponse.get(TestUa.WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    public Dialog dialog() {
        return dialog;
    }

    /** ACK for a 2xx, from the dialog (so along the record-routed path). */
    public void ack() throws Exception {
        Response ok = finalResponse();
        long seq = ((CSeqHeader) ok.getHeader(CSeqHeader.NAME)).getSeqNumber();
        dialog.sendAck(dialog.createAck(seq));
    }

    /** BYE in the dialog; returns the final response to it. */
    public Response bye() throws Exception {
        return ua.inDialog(dialog, Request.BYE);
    }

    /** In-dialog request of any method (MESSAGE, INFO), returns its final response. */
    public Response inDialog(String method) throws Exception {
        return ua.inDialog(dialog, method);
    }

    /** CANCEL for this INVITE; returns the response to the CANCEL. */
    public Response cancel() throws Exception {
        ClientTransaction cancelTx = provider.getNewClientTransaction(ct.createCancel());
        SentRequest out = new SentRequest(ua, provider, cancelTx);
        cancelTx.setApplicationData(out);
        cancelTx.sendRequest();
        return out.finalResponse();
    }
}
