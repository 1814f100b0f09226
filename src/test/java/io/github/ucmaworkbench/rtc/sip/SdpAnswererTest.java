package io.github.ucmaworkbench.rtc.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class SdpAnswererTest {
    private static final SdpOrigin US = new SdpOrigin(InetAddress.getLoopbackAddress(), 40000, 5070, 77, 3);

    private static String offer(String media) {
        return "v=0\r\no=phone 123 456 IN IP4 192.0.2.10\r\ns=Talk\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\n" + media;
    }

    private static final String AUDIO = "m=audio 7078 RTP/AVP 0 8 101\r\n"
            + "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\n";

    @Test
    void audioOfferIsAcceptedInactiveOnOurPortWithPcmuAndEvents() {
        Sdp answer = Sdp.parse(SdpAnswerer.answer(offer(AUDIO), US));

        assertThat(answer.media()).hasSize(1);
        Sdp.Media audio = answer.media().get(0);
        assertThat(audio.type()).isEqualTo("audio");
        assertThat(audio.port()).isEqualTo(40000);
        assertThat(audio.proto()).isEqualTo("RTP/AVP");
        assertThat(audio.formats()).containsExactly("0", "101");
        assertThat(audio.formatAttribute("rtpmap", "0")).isEqualTo("0 PCMU/8000");
        assertThat(audio.formatAttribute("fmtp", "101")).isEqualTo("101 0-15");
        assertThat(answer.direction(audio)).isEqualTo("inactive");
    }

    @Test
    void answerHasOurOriginConnectionAndTime() {
        String answer = SdpAnswerer.answer(offer(AUDIO), US);

        assertThat(answer).startsWith("v=0\r\no=- 77 3 IN IP4 127.0.0.1\r\ns=UCMA Workbench\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n");
        assertThat(answer).endsWith("\r\n").doesNotContain("\n\n");
    }

    @Test
    void pcmaIsTakenWhenPcmuIsNotOffered() {
        Sdp answer = Sdp.parse(SdpAnswerer.answer(offer("m=audio 7078 RTP/AVP 96 8\r\na=rtpmap:96 opus/48000/2\r\n"), US));

        assertThat(answer.media().get(0).formats()).containsExactly("8");
        assertThat(answer.media().get(0).formatAttribute("rtpmap", "8")).isEqualTo("8 PCMA/8000");
    }

    @Test
    void withoutG711TheFirstNamedCodecIsTakenWithItsRtpmap() {
        Sdp answer = Sdp.parse(SdpAnswerer.answer(offer("m=audio 7078 RTP/AVP 97 96\r\n"
                + "a=rtpmap:97 telephone-event/8000\r\na=rtpmap:96 opus/48000/2\r\na=fmtp:96 useinbandfec=1\r\n"), US));

        Sdp.Media audio = answer.media().get(0);
        assertThat(audio.port()).isEqualTo(40000);
        assertThat(audio.formats()).containsExactly("96", "97");
        assertThat(audio.formatAttribute("rtpmap", "96")).isEqualTo("96 opus/48000/2");
        assertThat(audio.formatAttribute("fmtp", "96")).isEqualTo("96 useinbandfec=1");
    }

    @Test
    void videoIsRefusedWithPortZeroSameProtoOneFormat() {
        String answer = SdpAnswerer.answer(offer("m=video 9078 RTP/AVP 96 97\r\na=rtpmap:96 VP8/90000\r\n"), US);

        assertThat(answer).contains("m=video 0 RTP/AVP 96\r\n");
        assertThat(Sdp.parse(answer).media()).hasSize(1);
    }

    @Test
    void mixedOfferIsMirroredLineByLineInOrder() {
        String answer = SdpAnswerer.answer(offer(AUDIO
                + "m=video 9078 RTP/AVP 96\r\na=rtpmap:96 VP8/90000\r\n"
                + "m=audio 7080 RTP/SAVP 0\r\na=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:abc\r\n"
                + "m=message 5060 sip null\r\na=accept-types:text/plain\r\n"
                + "m=text 0 RTP/AVP 98\r\n"), US);

        List<Sdp.Media> media = Sdp.parse(answer).media();
        assertThat(media).extracting(Sdp.Media::type).containsExactly("audio", "video", "audio", "message", "text");
        assertThat(media).extracting(Sdp.Media::port).containsExactly(40000, 0, 0, 5070, 0);
        assertThat(media).extracting(Sdp.Media::proto).containsExactly("RTP/AVP", "RTP/AVP", "RTP/SAVP", "sip", "RTP/AVP");
    }

    @Test
    void messageOfferIsAcceptedOnOurSipPortForPlainText() {
        String answer = SdpAnswerer.answer(offer("m=message 5060 sip null\r\na=accept-types:text/plain\r\n"), US);

        assertThat(answer).endsWith("m=message 5070 sip null\r\na=accept-types:text/plain\r\n");
    }

    @Test
    void audioOfferedWithPortZeroStaysRefused() {
        String answer = SdpAnswerer.answer(offer("m=audio 0 RTP/AVP 0\r\n"), US);

        assertThat(answer).endsWith("m=audio 0 RTP/AVP 0\r\n");
    }

    @Test
    void holdOfferIsStillAnsweredInactive() {
        Sdp answer = Sdp.parse(SdpAnswerer.answer(offer(AUDIO + "a=sendonly\r\n"), US));

        assertThat(answer.direction(answer.media().get(0))).isEqualTo("inactive");
        assertThat(answer.media().get(0).port()).isEqualTo(40000);
    }

    @Test
    void garbageOfferFailsWithOneClearSentence() {
        assertThatThrownBy(() -> SdpAnswerer.answer("hello world", US))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the SDP does not start with v=0");
        assertThatThrownBy(() -> SdpAnswerer.answer(offer("m=audio abc RTP/AVP 0\r\n"), US))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("SDP line 6 has no valid port: abc");
        assertThatThrownBy(() -> SdpAnswerer.answer(offer("m=audio 7078\r\n"), US))
                .hasMessageContaining("SDP line 6 is not a valid m= line");
        assertThatThrownBy(() -> SdpAnswerer.answer("v=0\r\nm=audio 1 RTP/AVP 0\r\n", US))
                .hasMessageContaining("no o= line");
        assertThatThrownBy(() -> SdpAnswerer.answer(offer("just words\r\n"), US))
                .hasMessage("SDP line 6 is not of the form x=value");
        assertThatThrownBy(() -> SdpAnswerer.answer("", US)).hasMessage("the SDP body is empty");
    }

    @Test
    void aMediaLineOutsideVisibleAsciiIsRefusedAndItsEdgesPass() {
        // media, proto and formats come back in our answer: RFC 4566 §9 tokens, visible ASCII only
        for (String bad : new String[] {"m=audio 7078 RTP/AVP 0\t8\r\n", "m=audio 7078 RTP/AVP 0 \u007f\r\n",
            "m=audi\u00f6 7078 RTP/AVP 0\r\n"}) {
            assertThatThrownBy(() -> SdpAnswerer.answer(offer(bad), US))
                    .hasMessage("SDP line 6 has characters an m= line cannot have");
        }
        assertThat(SdpAnswerer.answer(offer("m=!~ 7078 RTP/AVP 0\r\n"), US)).contains("m=!~ 0 RTP/AVP 0\r\n");
    }

    @Test
    void bareLineFeedsAreReadToo() {
        String answer = SdpAnswerer.answer(offer(AUDIO).replace("\r\n", "\n"), US);

        assertThat(answer).contains("m=audio 40000 RTP/AVP 0 101\r\n");
    }

    @Test
    void ipv6OriginSaysIp6() {
        SdpOrigin v6 = new SdpOrigin(java.net.InetAddress.getLoopbackAddress() instanceof java.net.Inet6Address
                ? InetAddress.getLoopbackAddress() : v6Loopback(), 40000, 5070, 1, 1);

        assertThat(SdpAnswerer.answer(offer(AUDIO), v6)).contains("c=IN IP6 0:0:0:0:0:0:0:1\r\n");
    }

    private static InetAddress v6Loopback() {
        try {
            return InetAddress.getByName("::1");
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void ourOfferCarriesInactiveG711AudioAndTheMessageLine() {
        Sdp ours = Sdp.parse(SdpOffers.audioAndMessages(US));

        assertThat(ours.media()).extracting(Sdp.Media::type).containsExactly("audio", "message");
        assertThat(ours.media().get(0).port()).isEqualTo(40000);
        assertThat(ours.media().get(0).formats()).containsExactly("0", "8");
        assertThat(ours.direction(ours.media().get(0))).isEqualTo("inactive");
        assertThat(ours.media().get(1).port()).isEqualTo(5070);
        assertThat(ours.media().get(1).attribute("accept-types")).isEqualTo("text/plain");
    }
}
