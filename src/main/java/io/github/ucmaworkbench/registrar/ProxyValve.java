package io.github.ucmaworkbench.registrar;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPMessageValve;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import javax.sip.SipStack;
import javax.sip.message.Response;

/**
 * Sees every parsed response before JAIN-SIP's transaction layer, so the proxy can rescue one
 * that the RI would swallow: see {@link BranchForwarder#takeSentThenClosedResponse(Response)}. Runs on
 * the stack's reader threads; never blocks.
 */
final class ProxyValve implements SIPMessageValve {
    private final ProxyCore core;
    private final SIPTransactionStack stack;

    ProxyValve(ProxyCore core, SIPTransactionStack stack) {
        this.core = core;
        this.stack = stack;
    }

    @Override
    public boolean processRequest(SIPRequest request, MessageChannel channel) {
        return true;
    }

    @Override
    public boolean processResponse(Response response, MessageChannel channel) {
        if (core.branches().takeSentThenClosedResponse(response)) {
            return false;
        }
        // JAIN-SIP quirk: a response whose client transaction is gone (the callee's 200 OK
        // retransmitted until the caller's ACK reaches it) makes the RI compare it with every
        // client transaction it holds, thousands under load, before it gives up; JFR showed that
        // scan as a third of the registrar's CPU at 500 calls/s, and it grows with the load. For
        // an RFC 3261 branch the table lookup is the whole answer, so such a response goes
        // straight to what the RI would do after the scan: the proxy forwards it statelessly.
        String key = ((SIPResponse) response).getTransactionId();
        if (key != null && key.startsWith(RFC3261_BRANCH) && stack.findTransaction(key, false) == null) {
            core.stateless().strayResponse(response);
            return false;
        }
        return true;
    }

    /** The branch prefix of RFC 3261 §8.1.1.7, as the RI's transaction keys spell it (lower case). */
    private static final String RFC3261_BRANCH = "z9hg4bk";

    @Override
    public void init(SipStack stack) {
        // added by RegistrarService, not created from the stack's properties
    }

    @Override
    public void destroy() {
        // nothing held
    }
}
