package io.github.ucmaworkbench.rtc;

import static io.github.ucmaworkbench.rtc.RtcFixture.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Sessions between two endpoints signed in to the embedded registrar, through its proxy. */
class SessionTest {
    private static final RealTimeAddress SERVER = new RealTimeAddress("sip:server@example.com");
    private RtcFixture fixture;

    @BeforeEach
    void startRegistrar() throws Exception {
        fixture = new RtcFixture();
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private SipEndpoint signedInClient(SipTransportType transport) throws Exception {
        SipEndpoint client = fixture.client(transport);
        client.register();
        return client;
    }

    @ParameterizedTest
    @EnumSource(value = SipTransportType.class, names = {"TCP", "UDP"})
    void inviteIsAcceptedAsynchronously(SipTransportType transport) throws Exception {
        SipEndpoint server = fixture.listeningServer(transport);
        CompletableFuture<SignalingSession> accepted = RtcFixture.acceptNext(server);
        SipEndpoint client = signedInClient(transport);
        SignalingSession session = new SignalingSession(client, SERVER);
        CompletableFuture<SipMessageData> answered = new CompletableFuture<>();

        session.beginParticipate(ar -> {
            try {
                answered.complete(((SignalingSession) ar.getAsyncState()).endParticipate(ar));
            } catch (RealTimeException e) {
                answered.completeExceptionally(e);
            }
        }, session);

        assertThat(((SipResponseData) await(answered)).getResponseCode()).isEqualTo(200);
        assertThat(await(accepted).getState()).isEqualTo(SignalingState.CONNECTED);
        assertThat(await(accepted).getRemoteParticipant().getUri()).isEqualTo("sip:client@example.com");
        assertThat(session.getState()).isEqualTo(SignalingState.CONNECTED);
    }

    @Test
    void synchronousParticipateCarriesCustomHeadersToTheServer() throws Exception {
        SipEndpoint server = fixture.listeningServer(SipTransportType.TCP);
        CompletableFuture<SipMessageData> invite = new CompletableFuture<>();
        server.sessionReceived().add((sender, e) -> {
            invite.complete(e.getRequestData());
            e.getSession().beginParticipate(null, null);
        });
        SignalingSession session = new SignalingSession(signedInClient(SipTransportType.TCP), SERVER);

        session.participate(List.of(new SignalingHeader("Custom-Header-Name1", "Custom-Header-Value1"),
                new SignalingHeader("Custom-Header-Name2", "Custom-Header-Value2")));

        assertThat(await(invite).getHeaderValue("Custom-Header-Name1")).isEqualTo("Custom-Header-Value1");
        assertThat(await(invite).getSignalingHeaders()).contains(new SignalingHeader("Custom-Header-Name2", "Custom-Header-Value2"));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"486, Busy Here", "603, Decline"})
    void rejectionReachesTheCallerWithCodeAndText(int code, String text) throws Exception {
        SipEndpoint server = fixture.listeningServer(SipTransportType.TCP);
        server.sessionReceived().add((sender, e) -> {
            try {
                e.getSession().terminateWithRejection(code, text, null);
            } catch (RealTimeException ex) {
                throw new IllegalStateException(ex);
            }
        });
        SignalingSession session = new SignalingSession(signedInClient(SipTransportType.TCP), SERVER);

        assertThatThrownBy(session::participate).isInstanceOfSatisfying(FailureResponseException.class, e -> {
            assertThat(e.getResponseData().getResponseCode()).isEqualTo(code);
            assertThat(e.getResponseData().getResponseText()).isEqualTo(text);
        });
        assertThat(session.getState()).isEqualTo(SignalingState.DISCONNECTED);
    }

    @Test
    void unknownUserIs404() throws Exception {
        SignalingSession session = new SignalingSession(signedInClient(SipTransportType.UDP),
                new RealTimeAddress("sip:nobody@example.com"));
        assertThatThrownBy(session::participate).isInstanceOfSatisfying(FailureResponseException.class,
                e -> assertThat(e.getResponseData().getResponseCode()).isEqualTo(404));
    }

    @Test
    void unansweredInviteTimesOutAndTheCalleeSeesTheCancel() throws Exception {
        SipEndpoint server = fixture.listeningServer(SipTransportType.TCP);
        CompletableFuture<SignalingSession> ringing = new CompletableFuture<>();
        server.sessionReceived().add((sender, e) -> ringing.complete(e.getSession()));
        SipEndpoint client = signedInClient(SipTransportType.TCP);
        client.setOperationTimeout(Duration.ofMillis(1500));
        client.setRingTimeout(Duration.ofMillis(1500)); // our callee rings (180) at once
        SignalingSession session = new SignalingSession(client, SERVER);

        assertThatThrownBy(session::participate).isInstanceOf(OperationTimeoutException.class);
        SignalingSession callee = await(ringing);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> callee.getState() == SignalingState.DISCONNECTED);
    }

    @Test
    void terminateWhileRingingSendsCancelAndTheInviteEndsIn487() throws Exception {
        SipEndpoint server = fixture.listeningServer(SipTransportType.UDP);
        CompletableFuture<SignalingSession> ringing = new CompletableFuture<>();
        server.sessionReceived().add((sender, e) -> ringing.complete(e.getSession()));
        SignalingSession session = new SignalingSession(signedInClient(SipTransportType.UDP), SERVER);
        AsyncResult invite = session.beginParticipate(null, null);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> session.getState() == SignalingState.ALERTED);

        session.terminate();

        assertThatThrownBy(() -> session.endParticipate(invite)).isInstanceOfSatisfying(FailureResponseException.class,
                e -> assertThat(e.getResponseData().getResponseCode()).isEqualTo(487));
        SignalingSession callee = await(ringing);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> callee.getState() == SignalingState.DISCONNECTED);
    }

    @Test
    void byeFromTheServerDisconnectsTheClient() throws Exception {
        SipEndpoint server = fixture.listeningServer(SipTransportType.TCP);
        CompletableFuture<SignalingSession> accepted = RtcFixture.acceptNext(server);
        SignalingSession session = new SignalingSession(signedInClient(SipTransportType.TCP), SERVER);
        CompletableFuture<SignalingStateChangedEventArgs> closed = new CompletableFuture<>();
        session.stateChanged().add((sender, e) -> {
            if (e.getState() == SignalingState.DISCONNECTED) {
                closed.complete(e);
            }
        });
        session.participate();

        await(accepted).terminate();

        assertThat(await(closed).getPreviousState()).isEqualTo(SignalingState.CONNECTED);
        assertThat(await(closed).getReason()).contains("BYE");
    }

    @Test
    void messagesTravelBothWaysInsideTheSession() throws Exception {
        SipEndpoint server = fixture.listeningServer(SipTransportType.TCP);
        CompletableFuture<SignalingSession> accepted = RtcFixture.acceptNext(server);
        SignalingSession session = new SignalingSession(signedInClient(SipTransportType.TCP), SERVER);
        session.participate();
        SignalingSession serverSide = await(accepted);
        CompletableFuture<MessageReceivedEventArgs> atServer = new CompletableFuture<>();
        CompletableFuture<MessageReceivedEventArgs> atClient = new CompletableFuture<>();
        serverSide.messageReceived().add((sender, e) -> atServer.complete(e));
        session.messageReceived().add((sender, e) -> atClient.complete(e));

        SipResponseData delivered = session.sendMessage(MessageType.MESSAGE, new ContentType("text/plain"),
                "hello server".getBytes(StandardCharsets.UTF_8));
        serverSide.endSendMessage(serverSide.beginSendMessage(MessageType.INFO, null,
                "hello client".getBytes(StandardCharsets.UTF_8), null, null));

        assertThat(delivered.getResponseCode()).isEqualTo(200);
        assertThat(await(atServer).getTextBody()).isEqualTo("hello server");
        assertThat(await(atServer).getMessageType()).isEqualTo(MessageType.MESSAGE);
        assertThat(await(atClient).getTextBody()).isEqualTo("hello client");
        assertThat(await(atClient).getMessageType()).isEqualTo(MessageType.INFO);
    }

    @Test
    void callBeforeTheServerListensIsRefusedWith480AndTheServerSaysWhy() throws Exception {
        RealTimeServerConnectionManager manager = new RealTimeServerConnectionManager();
        SipEndpoint server = fixture.endpoint("sip:server@example.com", SipTransportType.TCP, manager);
        server.register();
        CompletableFuture<RequestRefusedEventArgs> refused = new CompletableFuture<>();
        server.requestRefused().add((sender, e) -> refused.complete(e));
        SignalingSession session = new SignalingSession(signedInClient(SipTransportType.TCP), SERVER);

        assertThatThrownBy(session::participate).isInstanceOfSatisfying(FailureResponseException.class,
                e -> assertThat(e.getResponseData().getResponseCode()).isEqualTo(480));
        assertThat(await(refused).getReason()).contains("not listening");
    }

    @Test
    void participateTwiceAndWrongStateCallsAreIllegal() throws Exception {
        SipEndpoint server = fixture.listeningServer(SipTransportType.TCP);
        RtcFixture.acceptNext(server);
        SignalingSession session = new SignalingSession(signedInClient(SipTransportType.TCP), SERVER);
        assertThatThrownBy(() -> session.beginSendMessage(MessageType.MESSAGE, null, new byte[0], null, null))
                .isInstanceOf(IllegalStateException.class);
        AsyncResult first = session.beginParticipate(null, null);
        assertThatThrownBy(() -> session.beginParticipate(null, null)).isInstanceOf(IllegalStateException.class);
        session.endParticipate(first);
        assertThatThrownBy(() -> session.endParticipate(first)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> session.terminateWithRejection(486, "Busy Here", null)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rejectionCodeMustBeAFinalError() throws Exception {
        SipEndpoint server = fixture.listeningServer(SipTransportType.TCP);
        CompletableFuture<Throwable> problem = new CompletableFuture<>();
        server.sessionReceived().add((sender, e) -> {
            try {
                e.getSession().terminateWithRejection(200, "OK", null);
            } catch (IllegalArgumentException | RealTimeException ex) {
                problem.complete(ex);
                try {
                    e.getSession().terminateWithRejection(486, "Busy Here", null);
                } catch (RealTimeException ignored) {
                    // reported by the caller's assertion
                }
            }
        });
        SignalingSession session = new SignalingSession(signedInClient(SipTransportType.TCP), SERVER);
        assertThatThrownBy(session::participate).isInstanceOf(FailureResponseException.class);
        assertThat(await(problem)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void offerAnswerCarriesSdpBothWays() throws Exception {
        SipEndpoint server = fixture.listeningServer(SipTransportType.TCP);
        CompletableFuture<ContentDescription> offerSeen = new CompletableFuture<>();
        server.sessionReceived().add((sender, e) -> {
            e.getSession().setOfferAnswerNegotiation(new OfferAnswer() {
                @Override public ContentDescription getOffer(Object s) { return null; }
                @Override public ContentDescription getAnswer(Object s, ContentDescription offer) {
                    offerSeen.complete(offer);
                    return new ContentDescription(ContentType.SDP, "v=0\r\nm=message 5060 sip null\r\na=accept-types:text/plain\r\n");
                }
                @Override public void setAnswer(Object s, ContentDescription answer) { }
            });
            e.getSession().beginParticipate(null, null);
        });
        CompletableFuture<ContentDescription> answerSeen = new CompletableFuture<>();
        SignalingSession session = new SignalingSession(signedInClient(SipTransportType.TCP), SERVER);
        session.setOfferAnswerNegotiation(new OfferAnswer() {
            @Override public ContentDescription getOffer(Object s) {
                return new ContentDescription(ContentType.SDP, "v=0\r\nm=message 5060 sip null\r\na=accept-types:text/plain\r\n");
            }
            @Override public ContentDescription getAnswer(Object s, ContentDescription offer) { return null; }
            @Override public void setAnswer(Object s, ContentDescription answer) { answerSeen.complete(answer); }
        });

        session.participate();

        assertThat(await(offerSeen).getContentType().getMediaType()).isEqualTo("application/sdp");
        assertThat(await(offerSeen).getBodyString()).contains("accept-types:text/plain");
        assertThat(await(answerSeen).getBodyString()).contains("accept-types:text/plain");
    }
}
