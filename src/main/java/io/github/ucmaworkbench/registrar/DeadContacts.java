package io.github.ucmaworkbench.registrar;

import java.text.ParseException;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops the binding behind a proxied branch whose contact could not be reached (TCP refused, an
 * I/O error) or never answered (Timer B/F), so later calls stop forking to a client that is gone
 * (one that crashed, or was killed before it could sign out) instead of waiting on it until the
 * binding expires. Said once: only the failure that removes the binding logs it.
 */
final class DeadContacts {
    static final String NO_ANSWER = "no answer (timeout)";
    private static final Logger LOG = LoggerFactory.getLogger(DeadContacts.class);

    private final LocationService location;
    private final AddressFactory addresses;

    DeadContacts(LocationService location, AddressFactory addresses) {
        this.location = location;
        this.addresses = addresses;
    }

    /** The reason for a transport failure: the innermost cause's own words. */
    static String unreachable(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return "unreachable (" + (t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName()) + ")";
    }

    void failed(ProxyContext.Branch branch, String why) {
        Binding binding = branch.binding;
        if (binding != null && location.drop(binding)) {
            LOG.warn("registrar: dropped sip:{} at {}: {}", binding.getAor(), hostPort(branch.target), why);
        }
    }

    private String hostPort(String target) {
        try {
            if (addresses.createURI(target) instanceof SipURI sip) {
                return sip.getHost() + ":" + (sip.getPort() > 0 ? sip.getPort() : sip.isSecure() ? 5061 : 5060);
            }
        } catch (ParseException e) {
            // the URI as it is, then
        }
        return target;
    }
}
