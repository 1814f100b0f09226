package io.github.ucmaworkbench.rtc.sip;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SdpHoldTest {
    private static String offer(String connection, String media) {
        return "v=0\r\no=phone 1 2 IN IP4 192.0.2.10\r\ns=-\r\nc=IN IP4 " + connection + "\r\nt=0 0\r\n" + media;
    }

    @Test
    void sendonlyAudioIsHold() {
        assertThat(Sdp.holdReasonOf(offer("192.0.2.10", "m=audio 7078 RTP/AVP 0\r\na=sendonly\r\n"))).isEqualTo("a=sendonly");
    }

    @Test
    void inactiveAtSessionLevelIsHold() {
        assertThat(Sdp.holdReasonOf(offer("192.0.2.10", "a=inactive\r\nm=audio 7078 RTP/AVP 0\r\n"))).isEqualTo("a=inactive");
    }

    @Test
    void zeroConnectionAddressIsHold() {
        assertThat(Sdp.holdReasonOf(offer("0.0.0.0", "m=audio 7078 RTP/AVP 0\r\n"))).isEqualTo("c=IN IP4 0.0.0.0");
    }

    @Test
    void sendrecvIsNoHold() {
        assertThat(Sdp.holdReasonOf(offer("192.0.2.10", "m=audio 7078 RTP/AVP 0\r\na=sendrecv\r\n"))).isNull();
        assertThat(Sdp.holdReasonOf(offer("192.0.2.10", "m=audio 7078 RTP/AVP 0\r\n"))).isNull();
    }

    @Test
    void oneStreamStillSendingIsNoHold() {
        assertThat(Sdp.holdReasonOf(offer("192.0.2.10",
                "m=audio 7078 RTP/AVP 0\r\na=sendonly\r\nm=video 9078 RTP/AVP 96\r\na=sendrecv\r\n"))).isNull();
    }

    @Test
    void messagesOnlyOrUnreadableIsNoHold() {
        assertThat(Sdp.holdReasonOf(offer("192.0.2.10", "m=message 5060 sip null\r\na=inactive\r\n"))).isNull();
        assertThat(Sdp.holdReasonOf("garbage")).isNull();
    }
}
