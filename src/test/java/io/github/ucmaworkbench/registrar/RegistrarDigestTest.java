package io.github.ucmaworkbench.registrar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.ucmaworkbench.testing.DigestAnswer;
import io.github.ucmaworkbench.testing.TestUa;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/** Digest sign-in at the registrar (RFC 8760 / RFC 7616): algorithms, nonces, replays, failures. */
class RegistrarDigestTest {
    private RegistrarService registrar;
    private InetSocketAddress address;
    private TestUa alice;

    private void start(RegistrarConfig.Builder config) throws Exception {
        registrar = new RegistrarService(config.port(0).user("alice", "secret").build());
        address = registrar.start();
        alice = TestUa.start("alice", "example.com", "udp");
    }

    @AfterEach
    void stop() {
        if (alice != null) {
            alice.close();
        }
        if (registrar != null) {
            registrar.close();
        }
    }

    private Request register() throws Exception {
        return alice.register(address, 60, "<" + alice.contact() + ">");
    }

    /** Sends a REGISTER without credentials and returns the 401. */
    private Response challenge(Request register) throws Exception {
        Response r = alice.call(register);
        assertThat(r.getStatusCode()).isEqualTo(401);
        return r;
    }

    private Response answer(Request challenged, Response challenge, String algorithm, String password, int nc)
            throws Exception {
        Request again = DigestAnswer.answered(alice.headers(), DigestAnswer.next(challenged),
                DigestAnswer.offering(challenge, algorithm), "alice", password, nc, "cn" + nc);
        return alice.call(again);
    }

    @Test
    void challengeOffersSha256FirstThenMd5BothWithQopAuth() throws Exception {
        start(RegistrarConfig.builder());
        Response r = challenge(register());

        assertThat(DigestAnswer.challenges(r)).extracting(WWWAuthenticateHeader::getAlgorithm)
                .containsExactly("SHA-256", "MD5");
        assertThat(DigestAnswer.challenges(r)).allSatisfy(c -> {
            assertThat(c.getRealm()).isEqualTo("example.com");
            assertThat(c.getQop()).isEqualTo("auth");
            assertThat(c.getNonce()).hasSizeGreaterThan(40);
        });
        assertThat(DigestAnswer.challenges(r).get(0).getNonce()).isNotEqualTo(DigestAnswer.challenges(r).get(1).getNonce());
    }

    @Test
    void md5OnlyRegistrarForLegacyClientsOffersAndAcceptsOnlyMd5() throws Exception {
        start(RegistrarConfig.builder().digestAlgorithms("MD5"));
        Request register = register();
        Response r = challenge(register);
        assertThat(DigestAnswer.challenges(r)).extracting(WWWAuthenticateHeader::getAlgorithm).containsExactly("MD5");

        // an answer in an algorithm that was not offered is not accepted: it earns a new challenge
        WWWAuthenticateHeader md5 = DigestAnswer.offering(r, "MD5");
        md5.setAlgorithm("SHA-256");
        Request sha = DigestAnswer.answered(alice.headers(), DigestAnswer.next(register), md5, "alice", "secret", 1, "x");
        assertThat(alice.call(sha).getStatusCode()).isEqualTo(401);
        assertThat(answer(register, challenge(register()), "MD5", "secret", 1).getStatusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SHA-256", "MD5"})
    void eitherAlgorithmSignsIn(String algorithm) throws Exception {
        start(RegistrarConfig.builder());
        Request register = register();
        Response ok = answer(register, challenge(register), algorithm, "secret", 1);

        assertThat(ok.getStatusCode()).isEqualTo(200);
        assertThat(registrar.getRegisteredUserCount()).isEqualTo(1);
    }

    @Test
    void replayedAuthorizationIsRefusedButAHigherNonceCountIsAccepted() throws Exception {
        start(RegistrarConfig.builder());
        Request register = register();
        WWWAuthenticateHeader sha = DigestAnswer.offering(challenge(register), "SHA-256");
        Request signed = DigestAnswer.answered(alice.headers(), DigestAnswer.next(register), sha, "alice", "secret", 1, "abc");
        assertThat(alice.call(signed).getStatusCode()).isEqualTo(200);

        // the very same credentials in a new transaction, as an eavesdropper would send them
        Request replay = DigestAnswer.next(signed);
        replay.setHeader(signed.getHeader("Authorization"));
        Response refused = alice.call(replay);

        assertThat(refused.getStatusCode()).isEqualTo(403);
        assertThat(registrar.getAuthFailureCount()).isEqualTo(1);
        Request nextCount = DigestAnswer.answered(alice.headers(), DigestAnswer.next(replay), sha, "alice", "secret", 2, "abd");
        assertThat(alice.call(nextCount).getStatusCode()).as("same nonce, nc=2").isEqualTo(200);
    }

    @Test
    void expiredNonceEarnsAStaleChallengeWhoseFreshNonceSignsIn() throws Exception {
        start(RegistrarConfig.builder().nonceLifetime(Duration.ofSeconds(1)));
        Request register = register();
        Response first = challenge(register);
        AtomicInteger nc = new AtomicInteger();
        AtomicReference<Response> stale = new AtomicReference<>();
        AtomicReference<Request> last = new AtomicReference<>(register);
        // the nonce keeps working (nc counting up) until it expires; then the answer is 401 stale=true
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Request again = DigestAnswer.answered(alice.headers(), DigestAnswer.next(last.get()),
                    DigestAnswer.offering(first, "SHA-256"), "alice", "secret", nc.incrementAndGet(), "c");
            last.set(again);
            Response r = alice.call(again);
            if (r.getStatusCode() == 401) {
                stale.set(r);
                return true;
            }
            assertThat(r.getStatusCode()).isEqualTo(200);
            return false;
        });

        assertThat(DigestAnswer.challenges(stale.get())).allSatisfy(c -> assertThat(c.isStale()).isTrue());
        assertThat(registrar.getAuthFailureCount()).as("a stale nonce is no failure").isZero();
        Response ok = answer(last.get(), stale.get(), "MD5", "secret", 1);
        assertThat(ok.getStatusCode()).isEqualTo(200);
    }

    @Test
    void forgedNonceIsChallengedAgain() throws Exception {
        start(RegistrarConfig.builder());
        Request register = register();
        Response real = challenge(register);
        Request forged = DigestAnswer.answered(alice.headers(), DigestAnswer.next(register),
                DigestAnswer.offering(real, "MD5"), "alice", "secret", 1, "x");
        javax.sip.header.AuthorizationHeader auth = (javax.sip.header.AuthorizationHeader) forged.getHeader("Authorization");
        auth.setNonce(Long.toHexString(System.currentTimeMillis()) + ".00.0123456789abcdef0123456789abcdef");

        assertThat(alice.call(forged).getStatusCode()).isEqualTo(401);
        assertThat(registrar.getRegisteredUserCount()).isZero();
    }

    @Test
    void wrongPasswordGets403NotAnotherChallenge() throws Exception {
        start(RegistrarConfig.builder());
        Request register = register();
        Response r = answer(register, challenge(register), "SHA-256", "guess", 1);

        assertThat(r.getStatusCode()).isEqualTo(403);
        assertThat(r.getHeader(WWWAuthenticateHeader.NAME)).isNull();
        assertThat(registrar.getAuthFailureCount()).isEqualTo(1);
        assertThat(registrar.getAuthFailuresBySource()).containsEntry("127.0.0.1", 1);
    }

    @Test
    void unknownUserGetsTheSame403AsAWrongPassword() throws Exception {
        start(RegistrarConfig.builder());
        try (TestUa eve = TestUa.start("eve", "example.com", "udp")) {
            Request register = eve.register(address, 60, "<" + eve.contact() + ">");
            Response challenge = eve.call(register);
            Request again = DigestAnswer.answered(eve.headers(), DigestAnswer.next(register),
                    DigestAnswer.offering(challenge, "MD5"), "eve", "anything", 1, "x");
            Response r = eve.call(again);

            assertThat(r.getStatusCode()).isEqualTo(403);
            assertThat(r.getReasonPhrase()).isEqualTo("Forbidden");
        }
    }

    @Test
    void repeatedFailuresBlockTheSourceQuicklyWithOneLogLine() throws Exception {
        Logger log = (Logger) LoggerFactory.getLogger(AuthFailureLimiter.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        log.addAppender(lines);
        try {
            start(RegistrarConfig.builder().authFailureLimit(3, Duration.ofSeconds(60)));
            Request register = register();
            for (int i = 1; i <= 3; i++) {
                Response r = answer(register, challenge(register), "SHA-256", "guess" + i, 1);
                assertThat(r.getStatusCode()).isEqualTo(403);
                register = register();
            }
            for (int i = 0; i < 5; i++) {
                // even without credentials, and even with the right password: refused at once
                Response r = alice.call(register());
                assertThat(r.getStatusCode()).isEqualTo(403);
                assertThat(r.getReasonPhrase()).isEqualTo("Too many failed attempts");
            }

            assertThat(registrar.getAuthFailureCount()).isEqualTo(3);
            assertThat(registrar.getRefusedForFailuresCount()).isEqualTo(5);
            assertThat(registrar.getRegisteredUserCount()).isZero();
            assertThat(lines.list).filteredOn(e -> e.getFormattedMessage().contains("127.0.0.1"))
                    .singleElement().extracting(ILoggingEvent::getFormattedMessage).asString()
                    .contains("3 times").doesNotContain("guess");
        } finally {
            log.detachAppender(lines);
        }
    }

    @Test
    void aBlockedSourceMaySignInAgainOnceItsWindowEnds() throws Exception {
        start(RegistrarConfig.builder().authFailureLimit(1, Duration.ofSeconds(1)));
        Request register = register();
        assertThat(answer(register, challenge(register), "MD5", "guess", 1).getStatusCode()).isEqualTo(403);
        assertThat(alice.call(register()).getReasonPhrase()).isEqualTo("Too many failed attempts");

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> alice.call(register()).getStatusCode() == 401);
        Request again = register();
        assertThat(answer(again, challenge(again), "SHA-256", "secret", 1).getStatusCode()).isEqualTo(200);
    }
}
