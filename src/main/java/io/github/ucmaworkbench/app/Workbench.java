package io.github.ucmaworkbench.app;

import io.github.ucmaworkbench.common.DaemonThreads;
import io.github.ucmaworkbench.registrar.RegistrarConfig;
import io.github.ucmaworkbench.registrar.RegistrarService;
import io.github.ucmaworkbench.rtc.SipTransportType;
import io.github.ucmaworkbench.settings.ClassroomShare;
import io.github.ucmaworkbench.settings.ClassroomShareFormat;
import io.github.ucmaworkbench.settings.ClientSideSettings;
import io.github.ucmaworkbench.settings.SideSettings;
import io.github.ucmaworkbench.settings.WorkbenchSettings;
import io.github.ucmaworkbench.sip.tls.TlsMaterial;
import io.github.ucmaworkbench.sip.tls.TlsSetupException;
import io.github.ucmaworkbench.tutorial.ClientManager;
import io.github.ucmaworkbench.tutorial.ClientSettings;
import io.github.ucmaworkbench.tutorial.EndpointSettings;
import io.github.ucmaworkbench.tutorial.ServerManager;
import io.github.ucmaworkbench.ui.ClientModel;
import io.github.ucmaworkbench.ui.ServerModel;
import io.github.ucmaworkbench.ui.WorkbenchModel;
import io.github.ucmaworkbench.ui.log.LogEntry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What runs behind the window: the embedded registrar and the tutorial's client and server. A
 * side set to "the workbench's own registrar" signs in to wherever the registrar actually bound
 * (its port moves up when 5060 is taken).
 */
public final class Workbench implements WorkbenchModel, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Workbench.class);

    // Written once by the thread that starts the registrar, before registrarReady completes.
    private volatile RegistrarService registrar;
    private volatile InetSocketAddress registrarAddress;
    private volatile InetSocketAddress registrarTlsAddress;
    private volatile String registrarProblem;
    private volatile AutoCloseable registrarSubscription;
    private final CompletableFuture<Void> registrarReady = new CompletableFuture<>();
    private final TutorialClient client;
    /** Closes the client (its sign-out may outlast {@link #close}'s wait for it); null until then. */
    private volatile Thread clientCloser;
    private final TutorialServer server;
    private final List<Runnable> registrarListeners = new CopyOnWriteArrayList<>();
    private volatile SideSettings clientEndpoint;
    private volatile SideSettings serverEndpoint;

    /**
     * Both sides, before the registrar: the window can be built while {@link #startRegistrar}
     * runs on another thread (a cold start's two largest pieces side by side). Each side's first
     * action waits for the registrar and takes its real address, so a Sign in pressed early still
     * goes to the port it bound.
     */
    private Workbench(WorkbenchSettings settings) {
        this.clientEndpoint = settings.client().endpoint();
        this.serverEndpoint = settings.server().endpoint();
        this.client = new TutorialClient(settings.client(), this::clientSettings);
        this.server = new TutorialServer(settings.server().endpoint(), this::serverSettings);
        client.renewWhen(registrarReady);
        server.renewWhen(registrarReady);
    }

    /**
     * Starts the embedded registrar and builds both sides. A registrar that cannot start is not
     * fatal: the window opens, says why in the status bar and the client's log, and sides set to an
     * external server still work.
     */
    public static Workbench start(WorkbenchSettings settings, RegistrarConfig registrarConfig) {
        Workbench workbench = beforeRegistrar(settings);
        workbench.startRegistrar(registrarConfig);
        return workbench;
    }

    /** Both sides, the registrar not started yet: call {@link #startRegistrar} or {@link #registrarFailed} next. */
    public static Workbench beforeRegistrar(WorkbenchSettings settings) {
        return new Workbench(settings);
    }

    /** Starts the embedded registrar (any thread, once); the window hears of it through the registrar listeners. */
    public void startRegistrar(RegistrarConfig registrarConfig) {
        RegistrarService service = new RegistrarService(registrarConfig);
        try {
            InetSocketAddress bound = service.start();
            registrarTlsAddress = service.getTlsAddress();
            registrarAddress = bound;
            registrar = service;
            registrarSubscription = service.addListener(this::registrarChanged);
            startNotices(registrarConfig, bound).forEach(this::warnBothSides);
            registrarReady.complete(null);
            registrarChanged();
        } catch (IOException | RuntimeException e) {
            service.close();
            LOG.warn("the embedded registrar did not start", e);
            registrarFailed("The embedded registrar could not start: " + e.getMessage()
                    + ". Sides set to it cannot sign in; choose an external server in their settings.");
        }
    }

    /** The registrar stays off: the status bar and the client's log say why. */
    void registrarFailed(String problem) {
        registrarProblem = problem;
        client.report(LogEntry.error(problem));
        registrarReady.complete(null);
        registrarChanged();
    }

    /** Completes once the registrar listens, or has failed to start (then {@link #registrarAddress()} is null). */
    public CompletableFuture<Void> registrarReady() {
        return registrarReady;
    }

    /**
     * What the user must know about where the registrar listens: a port other than the one asked
     * for (it was taken), and an address other machines can reach (classroom mode is a choice
     * with consequences: anyone on that network can sign in and call).
     */
    static List<String> startNotices(RegistrarConfig asked, InetSocketAddress bound) {
        List<String> notices = new ArrayList<>();
        if (asked.getPort() != 0 && bound.getPort() != asked.getPort()) {
            notices.add("Port " + asked.getPort() + " was taken, so the embedded registrar listens on "
                    + bound.getAddress().getHostAddress() + ":" + bound.getPort() + " instead.");
        }
        if (!asked.getBindAddress().isLoopbackAddress()) {
            notices.add("The embedded registrar listens on " + bound.getAddress().getHostAddress() + ":"
                    + bound.getPort() + ", reachable by other machines on that network: anyone there can sign in"
                    + " and call. Use it on a classroom network you trust.");
        }
        return notices;
    }

    /** Puts one sentence the user must read into both sides' logs (shown once the panels listen). */
    void warnBothSides(String sentence) {
        client.report(LogEntry.warning(sentence));
        server.report(LogEntry.warning(sentence));
    }

    /** Builds both sides without the embedded registrar, saying why in the status bar and the client's log. */
    public static Workbench withoutRegistrar(WorkbenchSettings settings, String problem) {
        LOG.warn(problem);
        Workbench workbench = new Workbench(settings);
        workbench.registrarFailed(problem);
        return workbench;
    }

    /** Shortens every SIP operation's timeout (classroom demos of "don't answer", tests). */
    public void setOperationTimeout(Duration timeout) {
        client.setOperationTimeout(timeout);
        server.setOperationTimeout(timeout);
    }

    /** Where the embedded registrar listens, or null when it did not start. */
    public InetSocketAddress registrarAddress() {
        return registrarAddress;
    }

    private ClientSettings clientSettings(ClientSideSettings settings) {
        clientEndpoint = settings.endpoint();
        registrarChanged();
        return new ClientSettings(endpointSettings(settings.endpoint()), settings.ourServerUri(), settings.ringTimeout());
    }

    private EndpointSettings serverSettings(SideSettings settings) {
        serverEndpoint = settings;
        registrarChanged();
        return endpointSettings(settings);
    }

    EndpointSettings endpointSettings(SideSettings s) {
        String host;
        int port;
        if (s.useEmbeddedRegistrar()) {
            // A TLS side signs in to the registrar's TLS port (port + 1), any other to its UDP/TCP port.
            InetSocketAddress at = s.transport() == SipTransportType.TLS && registrarTlsAddress != null
                    ? registrarTlsAddress : registrarAddress;
            host = at == null ? SideSettings.DEFAULT_SERVER : at.getAddress().getHostAddress();
            port = at == null ? 0 : at.getPort();
        } else {
            host = s.serverHost();
            port = s.serverPort();
        }
        return new EndpointSettings(s.uri(), host, port, s.transport(), s.userNameOrNull(), s.passwordOrNull());
    }

    /** The tutorial's client as it is now (a new one after new settings): what the lessons drive. */
    public ClientManager clientManager() {
        return client.manager();
    }

    /** The tutorial's server as it is now: what the lessons drive. */
    public ServerManager serverManager() {
        return server.manager();
    }

    @Override
    public ClientModel client() {
        return client;
    }

    @Override
    public ServerModel server() {
        return server;
    }

    @Override
    public String registrarStatus() {
        StringBuilder text = new StringBuilder();
        RegistrarService registrar = this.registrar;
        InetSocketAddress registrarAddress = this.registrarAddress;
        InetSocketAddress registrarTlsAddress = this.registrarTlsAddress;
        if (registrar != null) {
            int users = registrar.getRegisteredUserCount();
            text.append("Embedded registrar ").append(registrarAddress.getAddress().getHostAddress()).append(':')
                    .append(registrarAddress.getPort());
            if (registrarTlsAddress != null) {
                text.append(", TLS ").append(registrarTlsAddress.getPort());
            }
            text.append(" (").append(registrar.getDomain()).append(") · ")
                    .append(users).append(users == 1 ? " user signed in" : " users signed in");
        } else if (!registrarReady.isDone()) {
            text.append("Embedded registrar starting\u2026");
        } else {
            text.append("Embedded registrar not running");
            if (registrarProblem != null) {
                // the client's log line is sent before any panel listens: the status bar keeps the reason
                text.append(" (").append(registrarProblem.replaceFirst("^The embedded registrar ", "it ")).append(')');
            }
        }
        appendExternal(text, "client", clientEndpoint);
        appendExternal(text, "server", serverEndpoint);
        return text.toString();
    }

    private static void appendExternal(StringBuilder text, String side, SideSettings s) {
        if (s != null && !s.useEmbeddedRegistrar()) {
            text.append(" · ").append(side).append(" uses ").append(s.server()).append(" (").append(s.transport())
                    .append(')');
        }
    }

    /** Where the TLS certificate both sides use is, for the settings dialog; or why there is none. */
    @Override
    public String tlsCertificate() {
        if (registrar == null || registrar.getConfig().getTls() == null) {
            return "none: the embedded registrar runs without TLS (see the log for why)";
        }
        try {
            // WorkbenchTls hands the registrar the loaded certificate: no file is read here.
            TlsMaterial material = registrar.getConfig().getTls().get();
            return material.file() + " (SHA-256 " + material.fingerprint().substring(0, 23) + "…)";
        } catch (TlsSetupException e) {
            return "none: " + e.getMessage();
        }
    }

    @Override
    public ClassroomShare classroomShare()
            throws ClassroomShare.Problem {
        return ClassroomShares.from(registrar, registrarAddress, clientEndpoint.transport());
    }

    @Override
    public ClassroomShareFormat classroomShareFormat() {
        return ClassroomShareCodec.FORMAT;
    }

    @Override
    public AutoCloseable addRegistrarListener(Runnable listener) {
        registrarListeners.add(listener);
        return () -> registrarListeners.remove(listener);
    }

    private void registrarChanged() {
        registrarListeners.forEach(Runnable::run);
    }

    /** Ends sessions, signs out, stops listening and the registrar; bounded to a few seconds. */
    @Override
    public void close() {
        Thread clientCloser = DaemonThreads.start("client-close", client::close);
        this.clientCloser = clientCloser;
        server.close();
        try {
            clientCloser.join(2_500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            // Closed during a cold start: the registrar's own start ends in a moment.
            registrarReady.get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("closing before the registrar has started");
        }
        if (registrarSubscription != null) {
            try {
                registrarSubscription.close();
            } catch (Exception e) {
                LOG.debug("registrar unsubscribe failed", e);
            }
        }
        if (registrar != null) {
            registrar.close();
        }
    }

    /**
     * Waits until the client is closed as well: {@link #close} waits for it at most 2.5 s, and its
     * sign-out may still be on the wire after that. Before another workbench takes the same ports
     * (tests, one window after another), or its sign-out reaches the next one's registrar.
     */
    boolean awaitClosed(long millis) throws InterruptedException {
        Thread closer = clientCloser;
        if (closer != null) {
            closer.join(millis);
        }
        return closer == null || !closer.isAlive();
    }
}
