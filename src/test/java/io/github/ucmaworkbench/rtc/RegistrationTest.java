package io.github.ucmaworkbench.rtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ucmaworkbench.registrar.RegistrarConfig;
import io.github.ucmaworkbench.testing.FreePorts;
import io.github.ucmaworkbench.trace.SipTrace;
import io.github.ucmaworkbench.trace.SipTraceEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RegistrationTest {
    private RtcFixture fixture;

    @AfterEach
    void tearDown() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @ParameterizedTest
    @EnumSource(value = SipTransportType.class, names = {"TCP", "UDP"})
    void signsInAndOutAgainstTheEmbeddedRegistrar(SipTransportType transport) throws Exception {
        fixture = new RtcFixture();
        SipEndpoint client = fixture.client(transport);
        List<RegistrationState> states = new CopyOnWriteArrayList<>();
        client.registrationStateChanged().add((sender, e) -> states.add(e.getState()));

        SipResponseData ok = client.register();
        assertThat(ok.getResponseCode()).isEqualTo(200);
        assertThat(client.getRegistrationState()).isEqualTo(RegistrationState.REGISTERED);
        assertThat(fixture.registrar.getRegisteredUserCount()).isEqualTo(1);

        client.unregister();
        assertThat(client.getRegistrationState()).isEqualTo(RegistrationState.UNREGISTERED);
        assertThat(fixture.registrar.getRegisteredUserCount()).isZero();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> states.size() == 4);
        assertThat(states).containsExactly(RegistrationState.REGISTERING, RegistrationState.REGISTERED,
                RegistrationState.UNREGISTERING, RegistrationState.UNREGISTERED);
    }

    @Test
    void callbackRunsOnceOnAWorkerThreadAndEndTwiceIsRefused() throws Exception {
        fixture = new RtcFixture();
        SipEndpoint client = fixture.client(SipTransportType.TCP);
        CompletableFuture<String> thread = new CompletableFuture<>();
        List<AsyncResult> calls = new CopyOnWriteArrayList<>();
        AsyncResult ar = client.beginRegister(result -> {
            calls.add(result);
            thread.complete(Thread.currentThread().getName());
        }, "state");

        assertThat(RtcFixture.await(thread)).startsWith("ucma-worker-");
        assertThat(ar.getAsyncState()).isEqualTo("state");
        assertThat(client.endRegister(ar).getResponseCode()).isEqualTo(200);
        assertThatThrownBy(() -> client.endRegister(ar)).isInstanceOf(IllegalStateException.class);
        assertThat(calls).containsExactly(ar);
    }

    @Test
    void registeringTwiceIsAnIllegalState() throws Exception {
        fixture = new RtcFixture();
        SipEndpoint client = fixture.client(SipTransportType.TCP);
        client.register();
        assertThatThrownBy(() -> client.beginRegister(null, null)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void customHeadersTravelOnTheRegister() throws Exception {
        fixture = new RtcFixture();
        SipEndpoint client = fixture.client(SipTransportType.UDP);
        List<SipTraceEvent> seen = new CopyOnWriteArrayList<>();
        try (AutoCloseable subscription = SipTrace.global().subscribe(seen::add)) {
            client.register(List.of(new SignalingHeader("X-Classroom", "room-12")));
        }
        assertThat(seen).anySatisfy(e -> {
            assertThat(e.party()).isEqualTo("registrar");
            assertThat(e.method()).isEqualTo("REGISTER");
            assertThat(e.rawText()).contains("X-Classroom: room-12");
        });
    }

    @Test
    void serverDownOverTcpIsAConnectionFailure() throws Exception {
        int deadPort = FreePorts.pick();
        SipEndpoint client = new SipEndpoint("sip:client@example.com", SipAuthenticationProtocols.NONE,
                SipTransportType.TCP, "127.0.0.1", deadPort, true, null, null);
        try {
            assertThatThrownBy(client::register).isInstanceOf(ConnectionFailureException.class);
            assertThat(client.getRegistrationState()).isEqualTo(RegistrationState.UNREGISTERED);
        } finally {
            client.close();
        }
    }

    @Test
    void serverDownOverUdpIsATimeout() throws Exception {
        int deadPort = FreePorts.pick();
        SipEndpoint client = new SipEndpoint("sip:client@example.com", SipAuthenticationProtocols.NONE,
                SipTransportType.UDP, "127.0.0.1", deadPort, true, null, null);
        client.setOperationTimeout(Duration.ofMillis(1500));
        try {
            assertThatThrownBy(client::register).isInstanceOf(OperationTimeoutException.class);
            assertThat(client.getRegistrationState()).isEqualTo(RegistrationState.UNREGISTERED);
        } finally {
            client.close();
        }
    }

    @Test
    void foreignDomainIsARegisterExceptionWithCodeAndText() throws Exception {
        fixture = new RtcFixture();
        SipEndpoint stranger = fixture.endpoint("sip:mallory@elsewhere.org", SipTransportType.TCP, null);
        assertThatThrownBy(stranger::register)
                .isInstanceOfSatisfying(RegisterException.class, e -> {
                    assertThat(e.getResponseData().getResponseCode()).isEqualTo(403);
                    assertThat(e.getResponseData().getResponseText()).isNotBlank();
                });
    }

    @Test
    void digestChallengeIsAnsweredFromTheCredentialCache() throws Exception {
        fixture = new RtcFixture(RegistrarConfig.builder().port(0).user("client", "s3cret").build());
        SipEndpoint client = fixture.client(SipTransportType.TCP);
        client.getCredentialCache().add(SipCredentialCache.ANY_REALM, new NetworkCredential("client", "s3cret"));
        assertThat(client.register().getResponseCode()).isEqualTo(200);
        client.unregister();
        assertThat(fixture.registrar.getRegisteredUserCount()).isZero();
    }

    @Test
    void challengeWithoutCredentialsIsAnAuthenticationException() throws Exception {
        fixture = new RtcFixture(RegistrarConfig.builder().port(0).user("client", "s3cret").build());
        SipEndpoint client = fixture.client(SipTransportType.UDP);
        assertThatThrownBy(client::register).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void wrongPasswordIsAnAuthenticationException() throws Exception {
        fixture = new RtcFixture(RegistrarConfig.builder().port(0).user("client", "s3cret").build());
        SipEndpoint client = fixture.client(SipTransportType.TCP);
        client.getCredentialCache().add(SipEndpoint.DEFAULT_RTC_REALM, new NetworkCredential("client", "guess"));
        assertThatThrownBy(client::register).isInstanceOf(AuthenticationException.class);
        assertThat(client.getRegistrationState()).isEqualTo(RegistrationState.UNREGISTERED);
    }

    /**
     * A refused sign-in used CSeq 1 and, re-sent with credentials, 2; the next REGISTER of the same
     * registration (same Call-ID) must count on from 2 (RFC 3261 §10.2), which our side learns from
     * the re-sent request itself, since the stack may have let go of a finished transaction's.
     */
    @ParameterizedTest
    @EnumSource(value = SipTransportType.class, names = {"TCP", "UDP"})
    @Timeout(30) // reading the released request was an exception on a stack thread, and register() waited forever
    void afterARefusedSignInTheNextRegisterCountsOnFromTheResentOne(SipTransportType transport) throws Exception {
        fixture = new RtcFixture(RegistrarConfig.builder().port(0).user("client", "s3cret").build());
        SipEndpoint client = fixture.client(transport);
        List<SipTraceEvent> registers = new CopyOnWriteArrayList<>();
        try (AutoCloseable subscription = SipTrace.global().subscribe(e -> {
            if (e.party().equals("registrar") && "REGISTER".equals(e.method()) && e.isRequest()) {
                registers.add(e);
            }
        })) {
            client.getCredentialCache().add(SipCredentialCache.ANY_REALM, new NetworkCredential("client", "guess"));
            assertThatThrownBy(client::register).isInstanceOf(AuthenticationException.class);
            client.getCredentialCache().add(SipCredentialCache.ANY_REALM, new NetworkCredential("client", "s3cret"));
            assertThat(client.register().getResponseCode()).isEqualTo(200);
        }
        assertThat(registers).extracting(SipTraceEvent::callId).containsOnly(registers.get(0).callId());
        assertThat(registers).extracting(e -> cseqOf(e.rawText())).containsExactly(1L, 2L, 3L, 4L);
    }

    private static long cseqOf(String message) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?im)^CSeq:\\s*(\\d+)").matcher(message);
        assertThat(m.find()).as("a CSeq in%n%s", message).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void registrationIsRefreshedBeforeItExpires() throws Exception {
        fixture = new RtcFixture(RegistrarConfig.builder().port(0).minExpires(1).maxExpires(2).build());
        SipEndpoint client = fixture.client(SipTransportType.UDP);
        List<SipTraceEvent> registers = new CopyOnWriteArrayList<>();
        try (AutoCloseable subscription = SipTrace.global().subscribe(e -> {
            if (e.party().equals("registrar") && "REGISTER".equals(e.method()) && e.isRequest()) {
                registers.add(e);
            }
        })) {
            client.register();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(8)).until(() -> registers.size() >= 3);
        }
        assertThat(client.getRegistrationState()).isEqualTo(RegistrationState.REGISTERED);
        assertThat(fixture.registrar.getRegisteredUserCount()).isEqualTo(1);
    }
}
