package io.github.ucmaworkbench.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ucmaworkbench.rtc.AuthenticationException;
import io.github.ucmaworkbench.rtc.NetworkCredential;
import io.github.ucmaworkbench.rtc.RegistrationState;
import io.github.ucmaworkbench.rtc.SipAuthenticationProtocols;
import io.github.ucmaworkbench.rtc.SipCredentialCache;
import io.github.ucmaworkbench.rtc.SipEndpoint;
import io.github.ucmaworkbench.rtc.SipTransportType;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Our client's digest answers against Kamailio's auth module: Kamailio demands digest for
 * REGISTER (kamailio-auth.cfg, one fixed user, no database) and refuses a wrong password with 403.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class KamailioAuthTest {
    private static final String PASSWORD = "k4m-Secret";

    @TempDir
    Path workDir;
    private KamailioProcess kamailio;
    private SipEndpoint endpoint;

    @AfterEach
    void tearDown() {
        try {
            if (endpoint != null) {
                endpoint.close();
            }
        } finally {
            if (kamailio != null) {
                kamailio.close();
            }
        }
    }

    private SipEndpoint signingIn(SipTransportType transport, String password) throws Exception {
        kamailio = KamailioProcess.start(workDir, "/kamailio/kamailio-auth.cfg",
                Map.of("USER", "client", "PASSWORD", PASSWORD));
        endpoint = new SipEndpoint("sip:client@example.com", SipAuthenticationProtocols.DIGEST, transport,
                "127.0.0.1", kamailio.port(), false, null, null);
        endpoint.getCredentialCache().add(SipCredentialCache.ANY_REALM, new NetworkCredential("client", password));
        return endpoint;
    }

    @ParameterizedTest
    @EnumSource(value = SipTransportType.class, names = {"UDP", "TCP"})
    void rightPasswordSignsInAndOut(SipTransportType transport) throws Exception {
        SipEndpoint client = signingIn(transport, PASSWORD);

        assertThat(client.register().getResponseCode()).isEqualTo(200);
        assertThat(client.getRegistrationState()).isEqualTo(RegistrationState.REGISTERED);
        client.unregister();
        assertThat(client.getRegistrationState()).isEqualTo(RegistrationState.UNREGISTERED);
        assertThat(kamailio.log()).contains("digest check 1");
    }

    @Test
    void wrongPasswordEndsInAnAuthenticationExceptionWithTheServersAnswer() throws Exception {
        SipEndpoint client = signingIn(SipTransportType.UDP, "guess");

        assertThatThrownBy(client::register).isInstanceOfSatisfying(AuthenticationException.class, e -> {
            assertThat(e.getResponseData()).isNotNull();
            assertThat(e.getResponseData().getResponseCode()).isEqualTo(403);
            assertThat(e.getMessage()).contains("403");
        });
        assertThat(client.getRegistrationState()).isEqualTo(RegistrationState.UNREGISTERED);
        assertThat(kamailio.log()).contains("digest check -2");
    }
}
