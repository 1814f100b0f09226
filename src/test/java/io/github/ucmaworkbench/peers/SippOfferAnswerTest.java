package io.github.ucmaworkbench.peers;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.registrar.RegistrarConfig;
import io.github.ucmaworkbench.registrar.RegistrarService;
import io.github.ucmaworkbench.rtc.ContentDescription;
import io.github.ucmaworkbench.rtc.OfferAnswer;
import io.github.ucmaworkbench.rtc.RealTimeServerConnectionManager;
import io.github.ucmaworkbench.rtc.RegistrationState;
import io.github.ucmaworkbench.rtc.SdpNegotiator;
import io.github.ucmaworkbench.rtc.SignalingSession;
import io.github.ucmaworkbench.rtc.SipAuthenticationProtocols;
import io.github.ucmaworkbench.rtc.SipEndpoint;
import io.github.ucmaworkbench.rtc.SipTransportType;
import io.github.ucmaworkbench.testing.FreePorts;
import io.github.ucmaworkbench.tutorial.EndpointSettings;
import io.github.ucmaworkbench.tutorial.ProgressEventArgs;
import io.github.ucmaworkbench.tutorial.ProgressLevel;
import io.github.ucmaworkbench.tutorial.ServerManager;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * SIPp calls the tutorial's server the way a softphone does (lesson 10): an audio offer, answered
 * by RFC 3264 (the scenario checks the answer's lines), and hold and resume by re-INVITE, each
 * answered 200 with matching SDP while the session stays up and the progress log says once what
 * happened, never as a failure.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SippOfferAnswerTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path workDir;

    private RegistrarService registrar;
    private ServerManager server;
    private final List<ProgressEventArgs> log = new CopyOnWriteArrayList<>();

    @AfterEach
    void tearDown() {
        if (server != null) {
            server.close();
        }
        if (registrar != null) {
            registrar.close();
        }
    }

    private InetSocketAddress serverListening(SipTransportType transport) throws Exception {
        registrar = new RegistrarService(RegistrarConfig.builder().port(0).build());
        InetSocketAddress address = registrar.start();
        server = new ServerManager(new EndpointSettings("sip:server@example.com", "127.0.0.1", address.getPort(),
                transport, null, null));
        server.progress().add((sender, e) -> log.add(e));
        server.signIn();
        Awaitility.await().atMost(WAIT).until(() -> server.getRegistrationState() == RegistrationState.REGISTERED);
        server.startListening();
        Awaitility.await().atMost(WAIT).until(server::isListening);
        return address;
    }

    private void call(String scenario, SipTransportType transport, InetSocketAddress registrarAddress) throws Exception {
        call(scenario, transport, registrarAddress, true);
    }

    private void call(String scenario, SipTransportType transport, InetSocketAddress registrarAddress, boolean logged)
            throws Exception {
        InProcessTrace trace = InProcessTrace.mark();
        try (SippRun sipp = SippRun.scenario(scenario)
                .transport(transport.name().toLowerCase(Locale.ROOT))
                .remote(registrarAddress.getAddress().getHostAddress() + ":" + registrarAddress.getPort())
                .service("server")
                .mediaPort(FreePorts.pick())
                .key("domain", "example.com")
                .start(workDir)) {
            int exit = sipp.awaitExit(SippRun.SIPP_TIMEOUT.plusSeconds(5));
            assertThat(exit).as("SIPp exit code (0 = every answer matched)\n%s%s\nserver log:\n%s",
                    sipp.report(), trace.ladder(), lines()).isZero();
        }
        if (logged) {
            Awaitility.await().atMost(WAIT).until(() -> count("The session was closed") == 1);
        }
    }

    @ParameterizedTest(name = "over {0}")
    @EnumSource(value = SipTransportType.class, names = {"UDP", "TCP"})
    void audioOfferIsAnsweredLineByLine(SipTransportType transport) throws Exception {
        SippRun.scenario("uac-audio-offer.xml"); // skips (or fails in CI) before any setup if SIPp is missing
        InetSocketAddress registrarAddress = serverListening(transport);

        call("uac-audio-offer.xml", transport, registrarAddress);

        assertThat(count("Session established")).as(lines()).isEqualTo(1);
        assertThat(errors()).as(lines()).isEmpty();
    }

    @ParameterizedTest(name = "over {0}")
    @EnumSource(value = SipTransportType.class, names = {"UDP", "TCP"})
    void holdAndResumeAreAnsweredAndReportedOnce(SipTransportType transport) throws Exception {
        SippRun.scenario("uac-hold-resume.xml");
        InetSocketAddress registrarAddress = serverListening(transport);

        call("uac-hold-resume.xml", transport, registrarAddress);

        // sendonly, then c=0.0.0.0 (still on hold: no second line), then sendrecv.
        assertThat(count("put the call on hold (a=sendonly)")).as(lines()).isEqualTo(1);
        assertThat(count("put the call on hold")).as(lines()).isEqualTo(1);
        assertThat(count("resumed the call")).as(lines()).isEqualTo(1);
        assertThat(count("Message received")).as("a re-INVITE is no message\n" + lines()).isZero();
        assertThat(errors()).as(lines()).isEmpty();
        String closed = log.stream().filter(e -> e.message().contains("The session was closed")).findFirst().orElseThrow().message();
        assertThat(closed).as("the session stayed up until the BYE").contains("BYE");
    }

    @ParameterizedTest(name = "over {0}")
    @EnumSource(value = SipTransportType.class, names = {"UDP", "TCP"})
    void offerlessInviteGetsOurOfferInThe200AndTheAnswerFromTheAck(SipTransportType transport) throws Exception {
        SippRun.scenario("uac-offerless.xml");
        registrar = new RegistrarService(RegistrarConfig.builder().port(0).build());
        InetSocketAddress address = registrar.start();
        CompletableFuture<ContentDescription> offered = new CompletableFuture<>();
        CompletableFuture<ContentDescription> answered = new CompletableFuture<>();
        try (RealTimeServerConnectionManager manager = new RealTimeServerConnectionManager();
                SipEndpoint endpoint = new SipEndpoint("sip:server@example.com", SipAuthenticationProtocols.NONE, transport,
                        "127.0.0.1", address.getPort(), true, manager, null)) {
            manager.startListening(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            endpoint.register();
            endpoint.sessionReceived().add((sender, e) -> {
                SdpNegotiator sdp = new SdpNegotiator();
                e.getSession().setOfferAnswerNegotiation(new OfferAnswer() {
                    @Override public ContentDescription getOffer(Object s) { return null; }
                    @Override public ContentDescription getAnswer(Object s, ContentDescription offer) {
                        ContentDescription ours = sdp.answer((SignalingSession) s, offer);
                        offered.complete(offer == null ? ours : null);
                        return ours;
                    }
                    @Override public void setAnswer(Object s, ContentDescription answer) { answered.complete(answer); }
                });
                e.getSession().beginParticipate(null, null);
            });

            call("uac-offerless.xml", transport, address, false);
        }

        assertThat(offered.get(WAIT.toMillis(), TimeUnit.MILLISECONDS)).as("getAnswer(null) made an offer").isNotNull();
        assertThat(answered.get(WAIT.toMillis(), TimeUnit.MILLISECONDS).getBodyString())
                .contains("m=audio ").contains("a=inactive").contains("m=message 0 sip null");
    }

    private long count(String text) {
        return log.stream().filter(e -> e.message().contains(text)).count();
    }

    private List<String> errors() {
        return log.stream().filter(e -> e.level() == ProgressLevel.ERROR).map(ProgressEventArgs::message).toList();
    }

    private String lines() {
        return log.stream().map(e -> e.level() + " " + e.message()).collect(Collectors.joining("\n"));
    }
}
