package io.github.ucmaworkbench.registrar;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import javax.sip.address.SipURI;
import javax.sip.address.URI;

/**
 * Who "we" are on the wire: the domain we serve, the host and port we put into Via and
 * Record-Route, and the tests of RFC 3261 §16.4 (is this Route ours?) and §16.5 (is this
 * Request-URI a domain we are responsible for?).
 */
final class LocalIdentity {
    private final String domain;
    private final String host;
    private final int port;
    private final int tlsPort;
    private final Set<String> ownHosts = new HashSet<>();

    LocalIdentity(String domain, InetAddress bound, int port) {
        this(domain, bound, port, 0);
    }

    /** @param tlsPort our TLS port, 0 without TLS */
    LocalIdentity(String domain, InetAddress bound, int port, int tlsPort) {
        this.domain = domain.toLowerCase(Locale.ROOT);
        this.port = port;
        this.tlsPort = tlsPort;
        // A wildcard bind (classroom LAN) must still advertise a reachable address, never 0.0.0.0.
        InetAddress advertised = bound.isAnyLocalAddress() ? firstSiteAddress() : bound;
        this.host = advertised.getHostAddress();
        ownHosts.add(host);
        ownHosts.add(bound.getHostAddress());
        if (bound.isLoopbackAddress() || bound.isAnyLocalAddress()) {
            ownHosts.add("localhost");
            ownHosts.add("127.0.0.1");
        }
        if (bound.isAnyLocalAddress()) {
            // bound to every interface: a Route or Request-URI naming any of them is us
            ownHosts.addAll(interfaceAddresses());
        }
    }

    String domain() {
        return domain;
    }

    /** The host for our Via and Record-Route headers. */
    String host() {
        return host;
    }

    int port() {
        return port;
    }

    /** The port we are reached on over {@code transport}: the TLS port for TLS, else the UDP/TCP one. */
    int port(String transport) {
        return tlsPort != 0 && "TLS".equalsIgnoreCase(transport) ? tlsPort : port;
    }

    /** True when {@code host[:port]} names this registrar's own socket. */
    boolean isOwnAddress(String someHost, int somePort) {
        String h = strip(someHost);
        int p = somePort <= 0 ? 5060 : somePort;
        return ownHosts.contains(h) && (p == port || (tlsPort != 0 && p == tlsPort));
    }

    /** §16.4: a Route entry that points at us (our domain without port counts too). */
    boolean isOwnRoute(URI uri) {
        if (!(uri instanceof SipURI sip)) {
            return false;
        }
        String h = strip(sip.getHost());
        return isOwnAddress(h, sip.getPort()) || (h.equals(domain) && (sip.getPort() <= 0 || sip.getPort() == port
                || (tlsPort != 0 && sip.getPort() == tlsPort)));
    }

    /** §16.5: a Request-URI in the domain we serve, or addressed to our own socket. */
    boolean serves(SipURI uri) {
        String h = strip(uri.getHost());
        return h.equals(domain) || isOwnAddress(h, uri.getPort());
    }

    private static String strip(String h) {
        String s = h == null ? "" : h.toLowerCase(Locale.ROOT);
        return s.startsWith("[") && s.endsWith("]") ? s.substring(1, s.length() - 1) : s;
    }

    private static Set<String> interfaceAddresses() {
        Set<String> all = new HashSet<>();
        try {
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                    String h = a.getHostAddress();
                    int zone = h.indexOf('%');
                    all.add((zone < 0 ? h : h.substring(0, zone)).toLowerCase(Locale.ROOT));
                }
            }
        } catch (SocketException e) {
            // keep what we have
        }
        return all;
    }

    private static InetAddress firstSiteAddress() {
        try {
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!ni.isUp() || ni.isLoopback()) {
                    continue;
                }
                for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                    if (a instanceof Inet4Address) {
                        return a;
                    }
                }
            }
        } catch (SocketException e) {
            // fall through to loopback: still a valid (if local-only) answer
        }
        return InetAddress.getLoopbackAddress();
    }
}
