package io.github.ucmaworkbench.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SettingsValidationTest {

    @ParameterizedTest
    @ValueSource(strings = {"sip:client@example.com", "sip:alice@127.0.0.1:5060", "SIP:bob@[::1]:5070",
            "sip:a.b-c_d@host-1.lab.local"})
    void acceptsTheUrisTheLessonsUse(String uri) {
        assertThat(SettingsValidation.sipUri(uri)).isEmpty();
    }

    @Test
    void uriWithoutSchemeSaysItMustStartWithSip() {
        assertThat(SettingsValidation.sipUri("client@example.com")).get().asString().contains("starts with \"sip:\"");
    }

    @Test
    void uriWithoutUserAsksForTheUser() {
        assertThat(SettingsValidation.sipUri("sip:example.com")).get().asString().contains("user");
        assertThat(SettingsValidation.sipUri("sip:@example.com")).get().asString().contains("user part");
    }

    @Test
    void uriWithSpaceInUserIsRefused() {
        assertThat(SettingsValidation.sipUri("sip:al ice@example.com")).isPresent();
    }

    @Test
    void uriWithBadPortNamesTheRange() {
        assertThat(SettingsValidation.sipUri("sip:a@example.com:70000")).get().asString().contains("1 to 65535");
        assertThat(SettingsValidation.sipUri("sip:a@example.com:0")).get().asString().contains("1 to 65535");
    }

    @Test
    void emptyUriAsksForOne() {
        assertThat(SettingsValidation.sipUri("  ")).get().asString().contains("Enter a SIP URI");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.0.0.1:5060", "kamailio.lab:5070", "[::1]", "[fe80::1]:5061", "localhost"})
    void acceptsHostsWithAndWithoutPort(String value) {
        assertThat(SettingsValidation.hostPort(value)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "host:", "host:abc", "host:65536", "host:-1", "300.1.1.1", "bad_host", "::1", "[::1",
            "host name"})
    void refusesBrokenHosts(String value) {
        assertThat(SettingsValidation.hostPort(value)).isPresent();
    }

    @Test
    void headerNamesAreTokensTheStackDoesNotOwn() {
        assertThat(SettingsValidation.headerName("X-Lesson")).isEmpty();
        assertThat(SettingsValidation.headerName("X Lesson")).isPresent();
        assertThat(SettingsValidation.headerName("X:Lesson")).isPresent();
        assertThat(SettingsValidation.headerName("Call-ID")).get().asString().contains("written by the SIP stack");
        assertThat(SettingsValidation.headerValue("two\r\nlines")).isPresent();
        assertThat(SettingsValidation.headerValue("one line")).isEmpty();
    }

    @Test
    void rejectionCodesAreFinalFailureCodes() {
        assertThat(SettingsValidation.rejectionCode(486)).isEmpty();
        assertThat(SettingsValidation.rejectionCode(200)).isPresent();
        assertThat(SettingsValidation.rejectionCode(700)).isPresent();
    }

    @Test
    void defaultsAreValidAndMatchTheTutorial() {
        WorkbenchSettings d = WorkbenchSettings.defaults();
        assertThat(d.client().isValid()).isTrue();
        assertThat(d.server().isValid()).isTrue();
        assertThat(d.client().endpoint().uri()).isEqualTo("sip:client@example.com");
        assertThat(d.server().endpoint().uri()).isEqualTo("sip:server@example.com");
        assertThat(d.client().ourServerUri()).isEqualTo("sip:server@example.com");
        assertThat(d.client().endpoint().useEmbeddedRegistrar()).isTrue();
        assertThat(d.client().endpoint().server()).isEqualTo("127.0.0.1");
    }

    @Test
    void serverIsCheckedWhateverIsSelected() {
        // Issue 16: under "own registrar" a wrong server used to pass and be saved.
        SideSettings embedded = new SideSettings("sip:a@b.c", true, "host name with spaces", null, "", "");
        assertThat(embedded.problems()).containsKey(SideSettings.Field.SERVER);
        SideSettings external = new SideSettings("sip:a@b.c", false, "not a host", null, "", "");
        assertThat(external.problems()).containsKey(SideSettings.Field.SERVER);
        assertThat(new SideSettings("sip:a@b.c", true, "", null, "", "").problems())
                .as("an empty server is fine while the own registrar is used").isEmpty();
    }

    @Test
    void aWrongUnusedServerFromAnOlderFileBecomesTheDefault() {
        WorkbenchSettings d = WorkbenchSettings.defaults();
        WorkbenchSettings old = d.withServer(d.server().withEndpoint(
                new SideSettings("sip:server@example.com", true, "host name with spaces", null, "", "")));
        WorkbenchSettings read = old.withMissingFromDefaults();
        assertThat(read.server().endpoint().server()).isEqualTo(SideSettings.DEFAULT_SERVER);
        assertThat(read.firstProblem()).isNull();
    }

    @Test
    void serverSplitsIntoHostAndPort() {
        SideSettings s = new SideSettings("sip:a@b.c", false, "10.0.0.5:5070", null, "", "");
        assertThat(s.serverHost()).isEqualTo("10.0.0.5");
        assertThat(s.serverPort()).isEqualTo(5070);
        SideSettings v6 = new SideSettings("sip:a@b.c", false, "[::1]", null, "", "");
        assertThat(v6.serverHost()).isEqualTo("[::1]");
        assertThat(v6.serverPort()).isZero();
    }

    @Test
    void passwordWithoutUserIsRefused() {
        SideSettings s = new SideSettings("sip:a@b.c", true, "", null, "", "secret");
        assertThat(s.problems()).containsKey(SideSettings.Field.USER_NAME);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "60", " 90 ", "180"})
    void acceptsRingTimeoutsFromOneSecondToThreeMinutes(String typed) {
        assertThat(SettingsValidation.ringTimeoutSeconds(typed)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "181", "", "abc", "-5", "1.5", "99999"})
    void refusesOtherRingTimeoutsWithTheRange(String typed) {
        assertThat(SettingsValidation.ringTimeoutSeconds(typed)).get().asString().contains("1 to 180");
    }
}
