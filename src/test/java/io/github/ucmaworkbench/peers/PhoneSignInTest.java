package io.github.ucmaworkbench.peers;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.registrar.Binding;
import io.github.ucmaworkbench.registrar.LocationService;
import io.github.ucmaworkbench.rtc.SipTransportType;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A student's softphone signs in to our registrar with digest: the right password gets a
 * binding, a wrong one a 403 the phone reports. Linphone answers our default challenge pair with
 * SHA-256; baresip 1.0 needs the registrar's MD5-only mode, which Linphone handles as well, so
 * one {@code --md5-only} registrar serves a class with both phones.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PhoneSignInTest {
    @TempDir
    Path workDir;

    private PhoneLab lab;

    @BeforeEach
    void setUp() {
        lab = new PhoneLab(workDir);
    }

    @AfterEach
    void tearDown() {
        lab.close();
    }

    private void assertBoundFrom127(String user) {
        assertThat(lab.registrar().getLocationService().getBindings(LocationService.aorOf(user, PhoneLab.DOMAIN)))
                .as("bindings of %s\n%s", user, lab.report())
                .extracting(Binding::getContactUri).singleElement().asString().contains("@127.0.0.1:");
    }

    @ParameterizedTest
    @EnumSource(PhoneKind.class)
    void rightPasswordSignsThePhoneIn(PhoneKind kind) throws Exception {
        lab.startRegistrar(kind.digestAlgorithms());

        SoftPhone phone = lab.phone(kind, "alice", PhoneLab.USERS.get("alice"), SipTransportType.UDP, false);

        phone.awaitSignedIn();
        assertBoundFrom127("alice");
        assertThat(lab.registrar().getAuthFailureCount()).as("failed sign-ins\n%s", lab.report()).isZero();
    }

    @ParameterizedTest
    @EnumSource(PhoneKind.class)
    void wrongPasswordIsRefusedWith403(PhoneKind kind) throws Exception {
        lab.startRegistrar(kind.digestAlgorithms());

        SoftPhone phone = lab.phone(kind, "alice", "not-" + PhoneLab.USERS.get("alice"), SipTransportType.UDP, false);

        phone.awaitSignInRefused();
        assertThat(lab.registrar().getLocationService().getBindings(LocationService.aorOf("alice", PhoneLab.DOMAIN)))
                .as("bindings after a wrong password\n%s", lab.report()).isEmpty();
        assertThat(lab.registrar().getAuthFailureCount()).as("failed sign-ins\n%s", lab.report()).isPositive();
    }

    @Test
    void linphoneAnswersTheSha256ChallengeOfferedFirst() throws Exception {
        lab.startRegistrar("SHA-256", "MD5");

        SoftPhone phone = lab.phone(PhoneKind.LINPHONE, "alice", PhoneLab.USERS.get("alice"), SipTransportType.UDP, false);

        phone.awaitSignedIn();
        phone.awaitMatch("an Authorization with SHA-256", "^Authorization: +Digest .*algorithm=SHA-256");
    }

    @Test
    void linphoneSignsInToAnMd5OnlyRegistrarToo() throws Exception {
        lab.startRegistrar("MD5");

        SoftPhone phone = lab.phone(PhoneKind.LINPHONE, "alice", PhoneLab.USERS.get("alice"), SipTransportType.UDP, false);

        phone.awaitSignedIn();
        assertBoundFrom127("alice");
        phone.awaitMatch("an Authorization with MD5", "^Authorization: +Digest .*algorithm=MD5");
    }
}
