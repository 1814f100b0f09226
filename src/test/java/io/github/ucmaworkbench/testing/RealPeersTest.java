package io.github.ucmaworkbench.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class RealPeersTest {
    @Test
    void missingPeerSkipsLocallyAndFailsInCi() {
        Class<? extends Throwable> expected = RealPeers.inCi() ? AssertionFailedError.class : TestAbortedException.class;

        assertThatThrownBy(() -> RealPeers.requireBinary("ucma-no-such-peer"))
                .isInstanceOf(expected).hasMessageContaining("ucma-no-such-peer");
    }

    @Test
    void installedBinaryIsFound() {
        assertThat(RealPeers.findBinary("sh")).isNotNull();
    }
}
