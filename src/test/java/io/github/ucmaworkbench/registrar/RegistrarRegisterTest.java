package io.github.ucmaworkbench.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.testing.TestUa;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.ListIterator;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sip.header.ContactHeader;
import javax.sip.header.MinExpiresHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** REGISTER handling, RFC 3261 §10.3, over real loopback SIP. */
class RegistrarRegisterTest {
    private RegistrarService registrar;
    private InetSocketAddress address;
    private TestUa alice;

    private void start(RegistrarConfig.Builder config, String transport) throws Exception {
        registrar = new RegistrarService(config.port(0).build());
        address = registrar.start();
        alice = TestUa.start("alice", "example.com", transport);
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

    private static List<ContactHeader> contacts(Response r) {
        List<ContactHeader> list = new java.util.ArrayList<>();
        for (ListIterator<?> it = r.getHeaders(ContactHeader.NAME); it.hasNext(); ) {
            list.add((ContactHeader) it.next());
        }
        return list;
    }

    @Test
    void registerAddsBindingAndReportsGrantedExpiry() throws Exception {
        start(RegistrarConfig.builder(), "udp");
        Response ok = alice.call(alice.register(address, 600, "<" + alice.contact() + ">"));

        assertThat(ok.getStatusCode()).isEqualTo(200);
        assertThat(contacts(ok)).singleElement().satisfies(c -> {
            assertThat(c.getAddress().getURI().toString()).isEqualTo(alice.contact());
            assertThat(c.getExpires()).isBetween(599, 600);
        });
        assertThat(registrar.getRegisteredUserCount()).isEqualTo(1);
        assertThat(registrar.getLocationService().getBindings("alice@example.com")).hasSize(1);
    }

    @Test
    void registerOverTcpWorksToo() throws Exception {
        start(RegistrarConfig.builder(), "tcp");
        Response ok = alice.call(alice.register(address, 60, "<" + alice.contact() + ">"));

        assertThat(ok.getStatusCode()).isEqualTo(200);
        assertThat(registrar.getLocationService().getBindings("alice@example.com"))
                .singleElement().extracting(Binding::getContactUri).isEqualTo(alice.contact());
    }

    @Test
    void expiresAboveMaximumIsCapped() throws Exception {
        start(RegistrarConfig.builder().maxExpires(120), "udp");
        Response ok = alice.call(alice.register(address, null, alice.contactValue(7200)));

        assertThat(contacts(ok)).singleElement().extracting(ContactHeader::getExpires).isEqualTo(120);
    }

    @Test
    void refreshReplacesRatherThanDuplicates() throws Exception {
        start(RegistrarConfig.builder(), "udp");
        alice.call(alice.register(address, 60, "<" + alice.contact() + ">"));
        Response ok = alice.call(alice.register(address, 300, "<" + alice.contact() + ">"));

        assertThat(contacts(ok)).singleElement().extracting(ContactHeader::getExpires).isEqualTo(300);
    }

    @Test
    void severalContactsAreAllListed() throws Exception {
        start(RegistrarConfig.builder(), "udp");
        Response ok = alice.call(alice.register(address, 60,
                "<sip:alice@127.0.0.1:5071>", "<sip:alice@127.0.0.1:5072;transport=tcp>;expires=30"));

        assertThat(contacts(ok)).hasSize(2);
        assertThat(contacts(ok)).filteredOn(c -> c.getAddress().getURI().toString().contains("5072"))
                .singleElement().extracting(ContactHeader::getExpires).isEqualTo(30);
        assertThat(registrar.getRegisteredUserCount()).isEqualTo(1);
    }

    @Test
    void expiresZeroRemovesOneContact() throws Exception {
        start(RegistrarConfig.builder(), "udp");
        alice.call(alice.register(address, 60, "<sip:alice@127.0.0.1:5071>", "<sip:alice@127.0.0.1:5072>"));
        Response ok = alice.call(alice.register(address, null, "<sip:alice@127.0.0.1:5071>;expires=0"));

        assertThat(contacts(ok)).singleElement()
                .satisfies(c -> assertThat(c.getAddress().getURI().toString()).contains("5072"));
    }

    @Test
    void wildcardWithExpiresZeroRemovesAll() throws Exception {
        start(RegistrarConfig.builder(), "udp");
        alice.call(alice.register(address, 60, "<sip:alice@127.0.0.1:5071>", "<sip:alice@127.0.0.1:5072>"));
        CountDownLatch changed = new CountDownLatch(1);
        registrar.addListener(changed::countDown);

        Response ok = alice.call(alice.register(address, 0, "*"));

        assertThat(ok.getStatusCode()).isEqualTo(200);
        assertThat(contacts(ok)).isEmpty();
        assertThat(changed.await(5, TimeUnit.SECONDS)).as("listener fired").isTrue();
        assertThat(registrar.getRegisteredUserCount()).isZero();
    }

    @Test
    void wildcardWithoutExpiresZeroIsBadRequest() throws Exception {
        start(RegistrarConfig.builder(), "udp");
        assertThat(alice.call(alice.register(address, 60, "*")).getStatusCode()).isEqualTo(400);
    }

    @Test
    void queryWithoutContactListsBindingsAndChangesNothing() throws Exception {
        start(RegistrarConfig.builder(), "udp");
        alice.call(alice.register(address, 60, "<" + alice.contact() + ">"));
        Response ok = alice.call(alice.register(address, null));

        assertThat(contacts(ok)).hasSize(1);
    }

    @Test
    void bindingExpiresAndListenerFires() throws Exception {
        start(RegistrarConfig.builder().maxExpires(1), "udp");
        CountDownLatch registered = new CountDownLatch(1);
        CountDownLatch gone = new CountDownLatch(2);
        registrar.addListener(() -> {
            registered.countDown();
            gone.countDown();
        });
        alice.call(alice.register(address, 3600, "<" + alice.contact() + ">"));
        assertThat(registered.await(5, TimeUnit.SECONDS)).isTrue();

        assertThat(gone.await(5, TimeUnit.SECONDS)).as("binding lapsed").isTrue();
        assertThat(registrar.getLocationService().getBindings("alice@example.com")).isEmpty();
        assertThat(registrar.getRegisteredUserCount()).isZero();
    }

    @Test
    void tooBriefIntervalIsRefusedWithMinExpires() throws Exception {
        start(RegistrarConfig.builder().minExpires(60), "udp");
        Response r = alice.call(alice.register(address, 10, "<" + alice.contact() + ">"));

        assertThat(r.getStatusCode()).isEqualTo(423);
        assertThat(((MinExpiresHeader) r.getHeader(MinExpiresHeader.NAME)).getExpires()).isEqualTo(60);
        assertThat(registrar.getRegisteredUserCount()).isZero();
    }

    @Test
    void olderCseqInTheSameCallIdIsRefused() throws Exception {
        start(RegistrarConfig.builder(), "udp");
        Request newer = alice.register(address, 60, "<" + alice.contact() + ">");
        ((javax.sip.header.CSeqHeader) newer.getHeader("CSeq")).setSeqNumber(10);
        assertThat(alice.call(newer).getStatusCode()).isEqualTo(200);

        Request older = (Request) newer.clone();
        ((javax.sip.header.CSeqHeader) older.getHeader("CSeq")).setSeqNumber(5);
        ((javax.sip.header.ViaHeader) older.getHeader("Via")).setBranch("z9hG4bK-older-" + System.nanoTime());

        // RFC 3261 §10.3 step 7: same Call-ID, CSeq not higher: the update is aborted
        assertThat(alice.call(older).getStatusCode()).isEqualTo(500);
    }

    @Test
    void toWithoutUserIsBadRequest() throws Exception {
        start(RegistrarConfig.builder(), "udp");
        Request r = alice.request(Request.REGISTER, "sip:example.com", "sip:example.com", address);
        r.addHeader(alice.headers().createHeader(ContactHeader.NAME, "<" + alice.contact() + ">"));

        assertThat(alice.call(r).getStatusCode()).isEqualTo(400);
    }

    @Test
    void contactPointingAtTheRegistrarIsRefused() throws Exception {
        start(RegistrarConfig.builder(), "udp");
        Response r = alice.call(alice.register(address, 60, "<sip:alice@127.0.0.1:" + address.getPort() + ">"));

        assertThat(r.getStatusCode()).isEqualTo(400);
        assertThat(registrar.getRegisteredUserCount()).isZero();
    }

    @Test
    void foreignDomainIsForbidden() throws Exception {
        start(RegistrarConfig.builder(), "udp");
        Request r = alice.request(Request.REGISTER, "sip:elsewhere.org", "sip:alice@elsewhere.org", address);
        r.addHeader(alice.headers().createHeader(ContactHeader.NAME, "<" + alice.contact() + ">"));

        assertThat(alice.call(r).getStatusCode()).isEqualTo(403);
    }

    @Test
    void registrarAddressIsAcceptedAsDomain() throws Exception {
        start(RegistrarConfig.builder(), "udp");
        String self = "127.0.0.1:" + address.getPort();
        Request r = alice.request(Request.REGISTER, "sip:" + self, "sip:alice@" + self, address);
        r.addHeader(alice.headers().createHeader(ContactHeader.NAME, "<" + alice.contact() + ">"));

        assertThat(alice.call(r).getStatusCode()).isEqualTo(200);
        assertThat(registrar.getLocationService().getBindings("alice@example.com")).hasSize(1);
    }

    @Test
    void digestChallengeThenCorrectPasswordRegisters() throws Exception {
        start(RegistrarConfig.builder().user("alice", "secret"), "udp");
        Request register = alice.register(address, 60, "<" + alice.contact() + ">");

        Response challenge = alice.call((Request) register.clone());
        assertThat(challenge.getStatusCode()).isEqualTo(401);
        assertThat(challenge.getHeader("WWW-Authenticate").toString())
                .contains("realm=\"example.com\"").contains("qop=\"auth\"");

        Response ok = alice.registerWithPassword(alice.register(address, 60, "<" + alice.contact() + ">"), "secret");
        assertThat(ok.getStatusCode()).isEqualTo(200);
        assertThat(registrar.getRegisteredUserCount()).isEqualTo(1);
    }

    @Test
    void wrongPasswordIsForbidden() throws Exception {
        start(RegistrarConfig.builder().user("alice", "secret"), "udp");
        Response r = alice.registerWithPassword(alice.register(address, 60, "<" + alice.contact() + ">"), "guess");

        assertThat(r.getStatusCode()).isEqualTo(403);
        assertThat(registrar.getRegisteredUserCount()).isZero();
    }

    @Test
    void unregisterWorksWhenChallenged() throws Exception {
        start(RegistrarConfig.builder().user("alice", "secret"), "tcp");
        alice.registerWithPassword(alice.register(address, 60, "<" + alice.contact() + ">"), "secret");
        assertThat(registrar.getRegisteredUserCount()).isEqualTo(1);

        Response ok = alice.registerWithPassword(alice.register(address, 0, "<" + alice.contact() + ">"), "secret");

        assertThat(ok.getStatusCode()).isEqualTo(200);
        assertThat(registrar.getRegisteredUserCount()).isZero();
    }
}
