package io.github.ucmaworkbench.registrar;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPMessageValve;
import javax.sip.SipStack;
import javax.sip.message.Response;

/**
 * Sees every parsed response before JAIN-SIP's transaction layer, so the proxy can rescue one
 * that the RI would swallow: see {@link ProxyCore#takeSentThenClosedResponse(Response)}. Runs on
 * the stack's reader threads; never blocks.
 */
final class ProxyValve implements SIPMessageValve {
    private final ProxyCore core;

    ProxyValve(ProxyCore core) {
        this.core = core;
    }

    @Override
    public boolean processRequest(SIPRequest request, MessageChannel channel) {
        return true;
    }

    @Override
    public boolean processResponse(Response response, MessageChannel channel) {
        return !core.takeSentThenClosedResponse(response);
    }

    @Override
    public void init(SipStack stack) {
        // added by RegistrarService, not created from the stack's properties
    }

    @Override
    public void destroy() {
        // nothing held
    }
}
