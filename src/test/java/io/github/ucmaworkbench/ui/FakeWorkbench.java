package io.github.ucmaworkbench.ui;

import io.github.ucmaworkbench.rtc.SignalingHeader;
import io.github.ucmaworkbench.rtc.SignalingState;
import io.github.ucmaworkbench.settings.AcceptPolicySettings;
import io.github.ucmaworkbench.settings.ClientSideSettings;
import io.github.ucmaworkbench.settings.SideSettings;
import io.github.ucmaworkbench.ui.policy.IncomingCallAsker;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Both sides and a pretend registrar, for panel tests that need no SIP. */
class FakeWorkbench implements WorkbenchModel {
    final Client client = new Client();
    final Server server = new Server();
    final List<Runnable> registrarListeners = new CopyOnWriteArrayList<>();
    volatile boolean closed;

    static final class Client extends FakeSide implements ClientModel {
        volatile String ourServer = "sip:server@example.com";
        volatile List<SignalingHeader> lastHeaders;
        volatile Boolean lastSynchronous;

        Client() {
            super("sip:client@example.com");
        }

        @Override
        public void sendInvite(List<SignalingHeader> headers, boolean synchronous) {
            calls.add("sendInvite");
            lastHeaders = headers;
            lastSynchronous = synchronous;
            set(() -> {
                session = SignalingState.CONNECTING;
                pending = new PendingWait("Waiting for the server to answer the INVITE", Instant.now().plusSeconds(30));
            }, "Sending the INVITE.");
        }

        /** What the server's answer would do on the client. */
        void answered() {
            set(() -> {
                session = SignalingState.CONNECTED;
                pending = null;
            }, "The INVITE was accepted.");
        }

        @Override
        public void sendMessage(String text) {
            calls.add("sendMessage:" + text);
        }

        @Override
        public String ourServerUri() {
            return ourServer;
        }

        @Override
        public void apply(ClientSideSettings settings) {
            calls.add("apply");
            set(() -> {
                uri = settings.endpoint().uri();
                ourServer = settings.ourServerUri();
            }, "New settings.");
        }
    }

    static final class Server extends FakeSide implements ServerModel {
        volatile AcceptPolicySettings policy;
        volatile IncomingCallAsker asker;

        Server() {
            super("sip:server@example.com");
        }

        @Override
        public void startListening() {
            calls.add("startListening");
            set(() -> listening = true, "Listening.");
        }

        @Override
        public void stopListening() {
            calls.add("stopListening");
            set(() -> listening = false, "Stopped listening.");
        }

        @Override
        public void setAcceptPolicy(AcceptPolicySettings policy, IncomingCallAsker asker) {
            this.policy = policy;
            this.asker = asker;
        }

        @Override
        public void apply(SideSettings settings) {
            calls.add("apply");
            set(() -> uri = settings.uri(), "New settings.");
        }
    }

    @Override public ClientModel client() { return client; }
    @Override public ServerModel server() { return server; }

    @Override
    public String registrarStatus() {
        return "Embedded registrar 127.0.0.1:5060 (example.com) · "
                + ((client.registration == io.github.ucmaworkbench.rtc.RegistrationState.REGISTERED ? 1 : 0)
                + (server.registration == io.github.ucmaworkbench.rtc.RegistrationState.REGISTERED ? 1 : 0))
                + " signed in";
    }

    @Override
    public AutoCloseable addRegistrarListener(Runnable listener) {
        registrarListeners.add(listener);
        return () -> registrarListeners.remove(listener);
    }

    @Override
    public void close() {
        closed = true;
    }
}
