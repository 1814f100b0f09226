package io.github.ucmaworkbench.rtc.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Mangled offers (a phone's bug, a hostile peer): the answerer either answers with SDP that reads
 * back with one line per offered line, or refuses with IllegalArgumentException (our 488), never
 * anything else, and never lets a stray CR, LF or NUL into the answer.
 */
class SdpAnswererFuzzTest {
    private static final SdpOrigin US = new SdpOrigin(InetAddress.getLoopbackAddress(), 40000, 5070, 1, 1);
    private static final String OFFER = "v=0\r\no=phone 1 1 IN IP4 192.0.2.10\r\ns=-\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\n"
            + "m=audio 7078 RTP/AVP 96 0 8 101\r\na=rtpmap:96 opus/48000/2\r\na=rtpmap:101 telephone-event/8000\r\n"
            + "a=fmtp:101 0-15\r\na=sendrecv\r\nm=video 9078 RTP/AVP 96\r\nm=message 5060 sip null\r\n";
    private static final String ALPHABET = "=: /\r\n\t\u0000\u00e9mvcoa0123456789RTPAVP-";

    @Test
    void mangledOffersAreAnsweredOrRefusedCleanly() {
        Random random = new Random(3264);
        int answered = 0;
        int refused = 0;
        for (int i = 0; i < 5000; i++) {
            StringBuilder offer = new StringBuilder(OFFER);
            for (int edits = 1 + random.nextInt(4); edits > 0; edits--) {
                int at = random.nextInt(offer.length());
                switch (random.nextInt(3)) {
                    case 0 -> offer.deleteCharAt(at);
                    case 1 -> offer.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                    default -> offer.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                }
            }
            String answer;
            try {
                answer = SdpAnswerer.answer(offer.toString(), US);
            } catch (IllegalArgumentException e) {
                assertThat(e.getMessage()).as("refusal of %s", offer).isNotBlank().doesNotContain("\n").doesNotContain("@");
                refused++;
                continue;
            }
            answered++;
            Sdp read = Sdp.parse(answer);
            assertThat(read.media()).as("answer to %s", offer).hasSize(Sdp.parse(offer.toString()).media().size());
            assertThat(answer.replace("\r\n", "").chars().noneMatch(c -> c == '\r' || c == '\n' || c == 0))
                    .as("answer to %s is clean: %s", offer, answer).isTrue();
        }
        assertThat(answered).isPositive();
        assertThat(refused).isPositive();
    }
}
