package io.github.ucmaworkbench.peers;

import io.github.ucmaworkbench.registrar.RegistrarConfig;
import io.github.ucmaworkbench.registrar.RegistrarService;
import io.github.ucmaworkbench.rtc.RegistrationState;
import io.github.ucmaworkbench.rtc.SipTransportType;
import io.github.ucmaworkbench.testing.Closer;
import io.github.ucmaworkbench.tutorial.AcceptPolicy;
import io.github.ucmaworkbench.tutorial.ClientManager;
import io.github.ucmaworkbench.tutorial.ClientSettings;
import io.github.ucmaworkbench.tutorial.EndpointSettings;
import io.github.ucmaworkbench.tutorial.ProgressLevel;
import io.github.ucmaworkbench.tutorial.ServerManager;
import io.github.ucmaworkbench.tutorial.TutorialManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * What a softphone test runs against, all in this process: our registrar with digest users, and
 * the tutorial's own {@link ServerManager} / {@link ClientManager} (the code behind the window's
 * panels and the {@code server} / {@code client} commands), whose progress lines are collected
 * as "side LEVEL message". Everything opened is closed in reverse by {@link #close()}.
 */
final class PhoneLab implements AutoCloseable {
    static final String DOMAIN = "example.com";
    static final Duration WAIT = Duration.ofSeconds(15);
    /** The digest users: the workbench's two sides and two students' phones. */
    static final Map<String, String> USERS = Map.of(
            "server", "S3rver-pass", "client", "C1ient-pass", "alice", "Al1ce-pass", "bob", "B0b-pass");

    private final Path workDir;
    private final Closer closing = new Closer();
    private final List<String> log = new ArrayList<>();
    private final List<SoftPhone> phones = new ArrayList<>();
    private RegistrarService registrar;
    private InetSocketAddress registrarAddress;
    private String registrarDomain;
    private String phoneDomain;
    private InProcessTrace trace;

    PhoneLab(Path workDir) {
        this.workDir = workDir;
    }

    /**
     * Starts the registrar for {@link #DOMAIN} on a free loopback port, offering these digest
     * algorithms in this order; phones use it as their outbound proxy.
     */
    PhoneLab startRegistrar(String... digestAlgorithms) throws IOException {
        return start(DOMAIN, digestAlgorithms);
    }

    /**
     * Starts the registrar with its own address as the domain (the README's classroom recipe):
     * a phone then needs only user, domain and password, as a phone's simplest account screen asks.
     */
    PhoneLab startRegistrarServingItsAddress(String... digestAlgorithms) throws IOException {
        return start(null, digestAlgorithms);
    }

    private PhoneLab start(String domain, String... digestAlgorithms) throws IOException {
        trace = InProcessTrace.mark();
        String served = domain != null ? domain : "127.0.0.1";
        registrar = closing.add(new RegistrarService(RegistrarConfig.builder().port(0).domain(served).users(USERS)
                .digestAlgorithms(digestAlgorithms).build()));
        registrarAddress = registrar.start();
        registrarDomain = served;
        phoneDomain = domain != null ? domain : served + ":" + registrarAddress.getPort();
        return this;
    }

    /** The domain in phones' addresses: example.com, or the registrar's host:port. */
    String phoneDomain() {
        return phoneDomain;
    }

    /** The SIP address phones call to reach the workbench server. */
    String serverUri() {
        return "sip:server@" + phoneDomain;
    }

    RegistrarService registrar() {
        return registrar;
    }

    /** Starts a phone for {@code user} (password from {@link #USERS} unless {@code password} says otherwise). */
    SoftPhone phone(PhoneKind kind, String user, String password, SipTransportType transport, boolean autoAnswer)
            throws IOException {
        Path home = Files.createDirectories(workDir.resolve(kind.name().toLowerCase(java.util.Locale.ROOT) + "-" + user));
        SoftPhone phone = closing.add(kind.start(home, new SoftPhone.Account(user, password, phoneDomain, DOMAIN.equals(registrarDomain), registrarAddress,
                transport, autoAnswer)));
        phones.add(phone);
        return phone;
    }

    SoftPhone signedInPhone(PhoneKind kind, String user, SipTransportType transport, boolean autoAnswer)
            throws IOException, InterruptedException {
        SoftPhone phone = phone(kind, user, USERS.get(user), transport, autoAnswer);
        phone.awaitSignedIn();
        return phone;
    }

    /** The tutorial's server, signed in with digest and listening, answering by {@code policy}. */
    ServerManager listeningServer(SipTransportType transport, AcceptPolicy policy) throws Exception {
        ServerManager server = closing.add(logged("server", new ServerManager(settings("server", transport))));
        server.signIn();
        awaitChange(server, "server signed in", () -> server.getRegistrationState() == RegistrationState.REGISTERED);
        awaitLine("server", "Signed in successfully");
        server.setAcceptPolicy(policy);
        server.startListening();
        awaitLine("server", "Listening on ");
        return server;
    }

    /** The tutorial's client, signed in with digest, whose "our server" is {@code target}. */
    ClientManager signedInClient(SipTransportType transport, String target) throws Exception {
        ClientManager client = closing.add(logged("client", new ClientManager(new ClientSettings(
                settings("client", transport), target))));
        client.signIn();
        awaitChange(client, "client signed in", () -> client.getRegistrationState() == RegistrationState.REGISTERED);
        // The state flips before the sign-in callback runs; an invite sent in between would have
        // its pending wait cleared by that callback (and no "ringing" line): wait for the line.
        awaitLine("client", "Signed in successfully");
        return client;
    }

    private EndpointSettings settings(String user, SipTransportType transport) {
        return new EndpointSettings("sip:" + user + "@" + registrarDomain, registrarAddress.getAddress().getHostAddress(),
                registrarAddress.getPort(), transport, user, USERS.get(user));
    }

    private <M extends TutorialManager> M logged(String side, M manager) {
        manager.setOperationTimeout(Duration.ofSeconds(8));
        manager.progress().add((sender, e) -> {
            synchronized (log) {
                log.add(side + " " + e.level() + " " + e.message());
                log.notifyAll();
            }
        });
        return manager;
    }

    /** Waits, on the manager's change events, until {@code condition} holds. */
    void awaitChange(TutorialManager manager, String what, BooleanSupplier condition) throws Exception {
        CompletableFuture<Void> reached = new CompletableFuture<>();
        AutoCloseable subscription = manager.changed().add((sender, e) -> {
            if (condition.getAsBoolean()) {
                reached.complete(null);
            }
        });
        try {
            if (!condition.getAsBoolean()) {
                reached.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("not reached within " + WAIT.toSeconds() + " s: " + what + "\n" + report());
        } finally {
            subscription.close();
        }
    }

    /** Waits until {@code side}'s progress log has a line containing {@code text} (either level). */
    void awaitLine(String side, String text) throws InterruptedException {
        awaitLine(side, text, WAIT);
    }

    /** Gives up at once when {@code side} logs an error instead: every test here expects none. */
    void awaitLine(String side, String text, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        synchronized (log) {
            while (log.stream().noneMatch(line -> line.startsWith(side + " ") && line.contains(text))) {
                List<String> errors = errors(side);
                if (!errors.isEmpty()) {
                    throw new AssertionError("the " + side + " logged an error instead of \"" + text + "\": "
                            + errors.get(0) + "\n" + report());
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no \"" + text + "\" in the " + side + "'s progress log within "
                            + limit.toSeconds() + " s\n" + report());
                }
                TimeUnit.NANOSECONDS.timedWait(log, left);
            }
        }
    }

    /** The error lines of {@code side}'s progress log so far. */
    List<String> errors(String side) {
        synchronized (log) {
            return log.stream().filter(line -> line.startsWith(side + " " + ProgressLevel.ERROR + " ")).toList();
        }
    }

    /** Both progress logs, our SIP trace and each phone's last lines, for assertion messages. */
    String report() {
        String progress;
        synchronized (log) {
            progress = String.join("\n", log);
        }
        return "---- progress logs\n" + progress + "\n" + (trace == null ? "" : trace.ladder())
                + phones.stream().map(SoftPhone::report).collect(Collectors.joining());
    }

    @Override
    public void close() {
        closing.close();
    }
}
