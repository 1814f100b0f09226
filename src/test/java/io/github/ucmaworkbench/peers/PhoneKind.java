package io.github.ucmaworkbench.peers;

import java.io.IOException;
import io.github.ucmaworkbench.rtc.SipTransportType;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** The softphones the tests run, for parameterized tests; each knows the digest it can answer. */
enum PhoneKind {
    LINPHONE {
        @Override
        SoftPhone start(Path home, SoftPhone.Account account) throws IOException {
            return Linphone.start(home, account);
        }
    },
    BARESIP {
        @Override
        SoftPhone start(Path home, SoftPhone.Account account) throws IOException {
            return Baresip.start(home, account);
        }

        /** baresip 1.0 gives up on any 401 that offers SHA-256, in either order: the registrar's MD5-only mode. */
        @Override
        String[] digestAlgorithms() {
            return new String[] {"MD5"};
        }
    };

    /** Every phone over UDP and over TCP, for {@code @MethodSource}. */
    static Stream<Arguments> withTransports() {
        return Stream.of(values())
                .flatMap(kind -> Stream.of(SipTransportType.UDP, SipTransportType.TCP).map(t -> Arguments.of(kind, t)));
    }

    abstract SoftPhone start(Path home, SoftPhone.Account account) throws IOException;

    /** What a registrar this phone signs in to offers: our default, SHA-256 then MD5 (RFC 8760). */
    String[] digestAlgorithms() {
        return new String[] {"SHA-256", "MD5"};
    }
}
