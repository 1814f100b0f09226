package io.github.ucmaworkbench.rtc.sip;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Which of this machine's addresses an endpoint binds and names in its Contact. */
final class LocalAddresses {
    private LocalAddresses() {
    }

    /** The local address packets to {@code host} leave from: loopback for a loopback server. */
    static InetAddress toward(String host) throws SipFailure {
        try {
            InetAddress remote = InetAddress.getByName(host);
            if (remote.isLoopbackAddress() || remote.isAnyLocalAddress()) {
                return InetAddress.getByName(remote instanceof Inet6Address ? "::1" : "127.0.0.1");
            }
            // A connected UDP socket sends nothing, but the kernel picks its route and source address.
            try (DatagramSocket probe = new DatagramSocket()) {
                probe.connect(remote, 9);
                InetAddress local = probe.getLocalAddress();
                return local.isAnyLocalAddress() ? InetAddress.getLocalHost() : local;
            }
        } catch (UnknownHostException e) {
            throw new SipFailure(SipFailure.Kind.CONNECTION, "the server name " + host + " could not be resolved", null, e);
        } catch (IOException e) {
            throw new SipFailure(SipFailure.Kind.CONNECTION, "no route to " + host + ": " + e.getMessage(), null, e);
        }
    }

    /** The address this machine's name resolves to: the Contact for "any address" with no server to go by. */
    static InetAddress ofThisMachine() throws SipFailure {
        try {
            return InetAddress.getLocalHost();
        } catch (UnknownHostException e) {
            throw new SipFailure(SipFailure.Kind.CONNECTION, "this machine has no usable address", null, e);
        }
    }
}
