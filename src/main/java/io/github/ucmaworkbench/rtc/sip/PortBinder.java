package io.github.ucmaworkbench.rtc.sip;

import gov.nist.javax.sip.SipProviderImpl;
import io.github.ucmaworkbench.sip.FreePorts;
import io.github.ucmaworkbench.sip.UdpReceiveBuffers;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.sip.ListeningPoint;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds listening points and wraps them in a provider. Port 0 means "any free port"; JAIN-SIP
 * does not promise to resolve port 0 itself, so we find one that is free for every requested
 * transport and retry if another process takes it between our probe and the stack's bind.
 */
final class PortBinder {
    private static final Logger LOG = LoggerFactory.getLogger(PortBinder.class);
    private static final int ATTEMPTS = 20;

    SipProvider bind(SipStack stack, SipListener listener, InetAddress host, int port, List<String> transports)
            throws SipFailure {
        String where = SipUris.hostForUri(host.getHostAddress()) + ":" + port;
        Exception last = null;
        for (int attempt = 0; attempt < (port == 0 ? ATTEMPTS : 1); attempt++) {
            int candidate = port == 0 ? freePort(host, transports) : port;
            List<ListeningPoint> created = new ArrayList<>();
            try {
                for (String transport : transports) {
                    ListeningPoint lp = stack.createListeningPoint(host.getHostAddress(), candidate, transport);
                    UdpReceiveBuffers.shrink(lp);
                    created.add(lp);
                }
                SipProvider provider = stack.createSipProvider(created.get(0));
                for (ListeningPoint lp : created.subList(1, created.size())) {
                    provider.addListeningPoint(lp);
                }
                provider.addSipListener(listener);
                return provider;
            } catch (Exception e) {
                last = e;
                where = SipUris.hostForUri(host.getHostAddress()) + ":" + candidate;
                for (ListeningPoint lp : created) {
                    deleteQuietly(stack, lp);
                }
            }
        }
        String why = last == null || last.getMessage() == null ? "it is in use" : last.getMessage();
        throw new SipFailure(SipFailure.Kind.CONNECTION,
                "cannot listen on " + where + " (" + transports + "): " + why, null, last);
    }

    /** Frees the provider's ports; the provider is deleted only if the stack keeps another one (deleting the last stops the stack). */
    void release(SipStack stack, SipProvider provider) {
        if (stack == null) {
            return;
        }
        ListeningPoint[] points = provider.getListeningPoints();
        for (ListeningPoint lp : points) {
            try {
                provider.removeListeningPoint(lp);
            } catch (Exception e) {
                LOG.debug("could not detach {}", lp, e);
            }
            deleteQuietly(stack, lp);
        }
        int providers = 0;
        for (Iterator<?> it = stack.getSipProviders(); it.hasNext(); it.next()) {
            providers++;
        }
        if (providers > 1) {
            try {
                provider.removeSipListener(((SipProviderImpl) provider).getSipListener());
                stack.deleteSipProvider(provider);
            } catch (Exception e) {
                LOG.debug("could not delete provider", e);
            }
        }
    }

    private static void deleteQuietly(SipStack stack, ListeningPoint lp) {
        try {
            stack.deleteListeningPoint(lp);
        } catch (Exception | Error e) {
            LOG.debug("could not delete {}", lp, e);
        }
    }

    private static int freePort(InetAddress host, List<String> transports) throws SipFailure {
        try {
            return FreePorts.anyFreePort(host, transports.contains(ListeningPoint.UDP));
        } catch (IOException e) {
            throw new SipFailure(SipFailure.Kind.CONNECTION, "cannot bind to " + host.getHostAddress() + ": " + e.getMessage(), null, e);
        }
    }
}
