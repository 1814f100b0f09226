package io.github.ucmaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WireLinksTest {
    @Test
    void aLogLineNamesItsStatusCode() {
        assertThat(WireLinks.codeIn("The invite failed; Error Code=486 Error Text=Busy Here.")).isEqualTo(486);
        assertThat(WireLinks.codeIn("The invite was refused with 603 Decline.")).isEqualTo(603);
        assertThat(WireLinks.codeIn("Signing in failed: the server answered 403 Forbidden.")).isEqualTo(403);
        assertThat(WireLinks.codeIn("Signed in successfully (200 OK).")).isEqualTo(200);
        assertThat(WireLinks.codeIn("Session established (SIP/2.0 200 OK).")).isZero();
        assertThat(WireLinks.codeIn("Listening on 127.0.0.1:45817.")).isZero();
    }
}
