package io.github.ucmaworkbench.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Nonces: unforgeable, expiring, and a nonce-count that must rise, even after the table fills up. */
class NonceServiceTest {
    private final AtomicLong now = new AtomicLong(1_000_000);

    @Test
    void noncesAreUniqueAndOnlyOursAreRecognised() {
        NonceService nonces = new NonceService(60_000, 100, now::get);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertThat(seen.add(nonces.issue())).isTrue();
        }
        String mine = nonces.issue();
        assertThat(nonces.issuedAt(mine)).isEqualTo(now.get());
        String tampered = Long.toHexString(now.get() + 1) + mine.substring(mine.indexOf('.'));

        assertThat(nonces.issuedAt(tampered)).as("a changed time breaks the MAC").isEqualTo(-1);
        assertThat(new NonceService(60_000, 100, now::get).issuedAt(mine)).as("another secret").isEqualTo(-1);
        assertThat(nonces.issuedAt("garbage")).isEqualTo(-1);
    }

    @Test
    void aNonceExpiresAfterItsLifetime() {
        NonceService nonces = new NonceService(60_000, 100, now::get);
        long issued = nonces.issuedAt(nonces.issue());
        now.addAndGet(60_000);
        assertThat(nonces.isExpired(issued)).isFalse();
        now.addAndGet(1);
        assertThat(nonces.isExpired(issued)).isTrue();
    }

    @Test
    void theNonceCountMustRise() {
        NonceService nonces = new NonceService(60_000, 100, now::get);
        String n = nonces.issue();
        long t = nonces.issuedAt(n);

        assertThat(nonces.use(n, t, 1)).isEqualTo(NonceService.Use.FRESH);
        assertThat(nonces.use(n, t, 1)).isEqualTo(NonceService.Use.REPLAY);
        assertThat(nonces.use(n, t, 3)).isEqualTo(NonceService.Use.FRESH);
        assertThat(nonces.use(n, t, 2)).isEqualTo(NonceService.Use.REPLAY);
    }

    @Test
    void aNonceEvictedFromAFullTableCanNeverBeReplayed() {
        NonceService nonces = new NonceService(60_000, 3, now::get);
        String first = nonces.issue();
        long firstIssued = nonces.issuedAt(first);
        assertThat(nonces.use(first, firstIssued, 1)).isEqualTo(NonceService.Use.FRESH);
        for (int i = 0; i < 5; i++) {
            now.incrementAndGet();
            String n = nonces.issue();
            assertThat(nonces.use(n, nonces.issuedAt(n), 1)).isEqualTo(NonceService.Use.FRESH);
        }

        assertThat(nonces.remembered()).isLessThanOrEqualTo(3);
        assertThat(nonces.use(first, firstIssued, 1)).as("forgotten, so stale rather than fresh")
                .isEqualTo(NonceService.Use.STALE);
    }
}
