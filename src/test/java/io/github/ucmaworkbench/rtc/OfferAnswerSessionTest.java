package io.github.ucmaworkbench.rtc;

import static io.github.ucmaworkbench.rtc.RtcFixture.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** {@link SdpNegotiator} on real sessions through the embedded registrar's proxy (RFC 3264). */
class OfferAnswerSessionTest {
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

    /** What a tutorial-like OfferAnswer does, recording the answer it is given. */
    private static final class Recording implements OfferAnswer {
        final SdpNegotiator sdp = new SdpNegotiator();
        final CompletableFuture<ContentDescription> answer = new CompletableFuture<>();
        final String offerBody;

        Recording(String offerBody) {
            this.offerBody = offerBody;
        }

        @Override
        public ContentDescription getOffer(Object sender) {
            return offerBody != null ? new ContentDescription(ContentType.SDP, offerBody) : sdp.offer((SignalingSession) sender);
        }

        @Override
        public ContentDescription getAnswer(Object sender, ContentDescription offer) {
            return sdp.answer((SignalingSession) sender, offer);
        }

        @Override
        public void setAnswer(Object sender, ContentDescription answer) {
            this.answer.complete(answer);
        }
    }

    private CompletableFuture<Throwable> serverAccepting(SipEndpoint server) {
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        server.sessionReceived().add((sender, e) -> {
            SignalingSession incoming = e.getSession();
            incoming.setOfferAnswerNegotiation(new Recording(null));
            incoming.beginParticipate(ar -> {
                try {
                    incoming.endParticipate(ar);
                    outcome.complete(null);
                } catch (RealTimeException ex) {
                    outcome.complete(ex);
                }
            }, null);
        });
        return outcome;
    }

    @ParameterizedTest
    @EnumSource(value = SipTransportType.class, names = {"TCP", "UDP"})
    void ourOfferIsAnsweredWithInactiveAudioOnARealPortAndMessages(SipTransportType transport) throws Exception {
        SipEndpoint server = fixture.listeningServer(transport);
        CompletableFuture<Throwable> accepted = serverAccepting(server);
        SipEndpoint client = fixture.client(transport);
        client.register();
        SignalingSession session = new SignalingSession(client, SERVER);
        Recording ours = new Recording(null);
        session.setOfferAnswerNegotiation(ours);

        SipResponseData ok = (SipResponseData) session.participate();

        assertThat(ok.getResponseCode()).isEqualTo(200);
        assertThat(await(accepted)).isNull();
        String answer = await(ours.answer).getBodyString();
        assertThat(answer).containsPattern("\r\nm=audio [1-9][0-9]* RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=inactive\r\n");
        assertThat(answer).containsPattern("\r\nm=message [1-9][0-9]* sip null\r\na=accept-types:text/plain\r\n");
        assertThat(answer).containsPattern("\r\nc=IN IP4 127\\.0\\.0\\.1\r\n");
        assertThat(session.getState()).isEqualTo(SignalingState.CONNECTED);
    }

    @Test
    void unreadableOfferIsRefusedWith488AndTheReasonInAWarning() throws Exception {
        SipEndpoint server = fixture.listeningServer(SipTransportType.TCP);
        CompletableFuture<Throwable> accepted = serverAccepting(server);
        SipEndpoint client = fixture.client(SipTransportType.TCP);
        client.register();
        SignalingSession session = new SignalingSession(client, SERVER);
        session.setOfferAnswerNegotiation(new Recording("hello world"));

        assertThatThrownBy(session::participate).isInstanceOfSatisfying(FailureResponseException.class, e -> {
            assertThat(e.getResponseData().getResponseCode()).isEqualTo(488);
            assertThat(e.getResponseData().getHeaderValue("Warning"))
                    .isEqualTo("399 ucma-workbench \"the SDP does not start with v=0\"");
        });
        assertThat(await(accepted)).isInstanceOf(RealTimeException.class)
                .hasMessageContaining("488").hasMessageContaining("the SDP does not start with v=0");
    }

    @Test
    void anOfferThatCannotBeMadeEndsParticipateInsteadOfHanging() {
        SignalingSession session = new SignalingSession(fixture.client(SipTransportType.TCP), SERVER);
        session.setOfferAnswerNegotiation(new OfferAnswer() {
            @Override public ContentDescription getOffer(Object s) { throw new IllegalStateException("no microphone"); }
            @Override public ContentDescription getAnswer(Object s, ContentDescription offer) { return null; }
            @Override public void setAnswer(Object s, ContentDescription answer) { }
        });

        assertThatThrownBy(session::participate).isInstanceOf(RealTimeException.class).hasMessageContaining("no microphone");
        assertThat(session.getState()).isEqualTo(SignalingState.DISCONNECTED);
    }

    @Test
    void answersToTheSameSessionRaiseTheOriginVersionAndKeepItsId() {
        SdpNegotiator sdp = new SdpNegotiator();
        SipEndpoint client = fixture.client(SipTransportType.UDP);
        SignalingSession session = new SignalingSession(client, SERVER);
        ContentDescription offer = new ContentDescription(ContentType.SDP,
                "v=0\r\no=p 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 8\r\n");

        String first = originOf(sdp.answer(session, offer));
        String second = originOf(sdp.answer(session, offer));

        assertThat(first.split(" ")[1]).isEqualTo(second.split(" ")[1]);
        assertThat(Long.parseLong(second.split(" ")[2])).isEqualTo(Long.parseLong(first.split(" ")[2]) + 1);
        assertThatThrownBy(() -> sdp.answer(session, new ContentDescription(ContentType.TEXT_PLAIN, "hi")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not application/sdp");
    }

    private static String originOf(ContentDescription description) {
        return description.getBodyString().lines().filter(l -> l.startsWith("o=")).findFirst().orElseThrow();
    }
}
