package io.github.ucmaworkbench.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.testing.DigestAnswer;
import io.github.ucmaworkbench.testing.Closer;
import io.github.ucmaworkbench.testing.TestUa;
import java.net.InetSocketAddress;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Optional digest for INVITEs from unregistered sources (RFC 3261 §22.3, 407 Proxy-Authenticate). */
class RegistrarCallAuthTest {
    private final Closer closing = new Closer();
    private InetSocketAddress address;
    private TestUa bob;

    private void start(boolean authenticateCalls) throws Exception {
        RegistrarService registrar = new RegistrarService(RegistrarConfig.builder().port(0)
                .user("alice", "a-secret").user("bob", "b-secret").authenticateCalls(authenticateCalls).build());
        closing.add(registrar);
        address = registrar.start();
        bob = ua("bob");
        assertThat(bob.registerWithPassword(bob.register(address, 60, "<" + bob.contact() + ">"), "b-secret")
                .getStatusCode()).isEqualTo(200);
    }

    private TestUa ua(String user) throws Exception {
        return closing.add(TestUa.start(user, "example.com", "udp"));
    }

    @AfterEach
    void stop() {
        closing.close();
    }

    private Request inviteBob(TestUa from) throws Exception {
        return from.request(Request.INVITE, "sip:bob@example.com", "sip:bob@example.com", address);
    }

    @Test
    void callsAreNotChallengedByDefault() throws Exception {
        start(false);
        TestUa alice = ua("alice");

        assertThat(alice.call(inviteBob(alice)).getStatusCode()).isEqualTo(200);
    }

    @Test
    void unregisteredCallerIsChallengedWith407AndGetsThroughWithTheRightPassword() throws Exception {
        start(true);
        TestUa alice = ua("alice");
        Request invite = inviteBob(alice);
        Response challenge = alice.call(invite);

        assertThat(challenge.getStatusCode()).isEqualTo(407);
        assertThat(DigestAnswer.challenges(challenge)).extracting(WWWAuthenticateHeader::getAlgorithm)
                .containsExactly("SHA-256", "MD5");
        assertThat(bob.hasReceived(Request.INVITE)).isFalse();
        Request signed = DigestAnswer.answered(alice.headers(), DigestAnswer.next(invite),
                DigestAnswer.offering(challenge, "SHA-256"), "alice", "a-secret", 1, "c1");
        assertThat(alice.call(signed).getStatusCode()).isEqualTo(200);
        bob.awaitRequest(Request.INVITE);
    }

    @Test
    void unregisteredCallerWithAWrongPasswordIsRefused403() throws Exception {
        start(true);
        TestUa alice = ua("alice");
        Request invite = inviteBob(alice);
        Response challenge = alice.call(invite);
        Request signed = DigestAnswer.answered(alice.headers(), DigestAnswer.next(invite),
                DigestAnswer.offering(challenge, "MD5"), "alice", "guess", 1, "c1");

        assertThat(alice.call(signed).getStatusCode()).isEqualTo(403);
        assertThat(bob.hasReceived(Request.INVITE)).isFalse();
    }

    @Test
    void credentialsOfAnotherUserDoNotLetACallerPoseAsSomeoneElse() throws Exception {
        start(true);
        TestUa carol = ua("carol");
        Request invite = inviteBob(carol);
        Response challenge = carol.call(invite);
        // carol knows bob's password but calls as carol: the From user must be the one who signed
        Request signed = DigestAnswer.answered(carol.headers(), DigestAnswer.next(invite),
                DigestAnswer.offering(challenge, "SHA-256"), "bob", "b-secret", 1, "c1");

        assertThat(carol.call(signed).getStatusCode()).isEqualTo(403);
    }

    @Test
    void registeredCallerPassesWithoutAChallenge() throws Exception {
        start(true);
        TestUa alice = ua("alice");
        assertThat(alice.registerWithPassword(alice.register(address, 60, "<" + alice.contact() + ">"), "a-secret")
                .getStatusCode()).isEqualTo(200);

        assertThat(alice.call(inviteBob(alice)).getStatusCode()).isEqualTo(200);
    }
}
