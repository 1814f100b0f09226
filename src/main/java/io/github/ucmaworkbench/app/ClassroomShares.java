package io.github.ucmaworkbench.app;

import io.github.ucmaworkbench.registrar.RegistrarService;
import io.github.ucmaworkbench.rtc.SipTransportType;
import io.github.ucmaworkbench.settings.ClassroomShare;
import io.github.ucmaworkbench.sip.tls.TlsSetupException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;

/** The teacher's classroom settings, from the running embedded registrar. */
final class ClassroomShares {
    private ClassroomShares() {
    }

    /**
     * @param transport the transport students should use (the teacher's client's choice)
     */
    static ClassroomShare from(RegistrarService registrar, InetSocketAddress address, SipTransportType transport)
            throws ClassroomShare.Problem {
        if (registrar == null || address == null) {
            throw new ClassroomShare.Problem("The embedded registrar is not running, so there is no class to join.");
        }
        InetAddress host = address.getAddress();
        if (host.isLoopbackAddress()) {
            throw new ClassroomShare.Problem("The registrar listens on " + host.getHostAddress()
                    + " only, which students' machines cannot reach. Start the workbench with"
                    + " --registrar-bind and this machine's LAN address (or 0.0.0.0).");
        }
        if (host.isAnyLocalAddress()) {
            host = lanAddress();
        }
        int port = address.getPort();
        String fingerprint = "";
        if (transport == SipTransportType.TLS) {
            InetSocketAddress tls = registrar.getTlsAddress();
            if (tls == null || registrar.getConfig().getTls() == null) {
                throw new ClassroomShare.Problem("The client uses TLS but the registrar runs without it; choose TCP or UDP"
                        + " in the client's settings to share the class.");
            }
            port = tls.getPort();
            try {
                fingerprint = registrar.getConfig().getTls().get().fingerprint();
            } catch (TlsSetupException e) {
                throw new ClassroomShare.Problem("TLS is off: " + e.getMessage());
            }
        }
        return ClassroomShare.of(host.getHostAddress(), port, registrar.getDomain(), transport, fingerprint);
    }

    /**
     * The address to share for a registrar bound to every interface: a site-local IPv4 address
     * (what a classroom LAN hands out) when there is one, else any other non-loopback IPv4 one.
     */
    static InetAddress lanAddress() throws ClassroomShare.Problem {
        InetAddress other = null;
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    if (!(a instanceof Inet4Address) || a.isLinkLocalAddress()) {
                        continue;
                    }
                    if (a.isSiteLocalAddress()) {
                        return a;
                    }
                    other = other == null ? a : other;
                }
            }
        } catch (SocketException e) {
            // fall through to the sentence below
        }
        if (other != null) {
            return other;
        }
        throw new ClassroomShare.Problem("This machine has no LAN address students could reach; start the workbench"
                + " with --registrar-bind and the address to share.");
    }
}
