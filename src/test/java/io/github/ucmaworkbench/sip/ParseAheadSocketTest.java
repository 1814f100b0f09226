package io.github.ucmaworkbench.sip;

import java.net.DatagramSocket;
import java.net.InetAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A loopback socket registered with {@link ParseAhead} for each test, as a stack's UDP reader would be. */
abstract class ParseAheadSocketTest {
    protected DatagramSocket socket;
    protected ParseAhead ahead;

    @BeforeEach
    void register() throws Exception {
        socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        ahead = ParseAhead.register(socket);
    }

    @AfterEach
    void unregister() {
        ParseAhead.unregister(socket, ahead);
        socket.close();
    }
}
