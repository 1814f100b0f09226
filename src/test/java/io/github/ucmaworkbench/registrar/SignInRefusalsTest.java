package io.github.ucmaworkbench.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The rate limit of refusal lines, on a fake clock. */
class SignInRefusalsTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final List<String> lines = new ArrayList<>();
    private final SignInRefusals refusals = new SignInRefusals(10_000, now::get, lines::add);

    @Test
    void firstRefusalPerSourceAtOnceTheRestSummedUpPerInterval() {
        refusals.refused("10.0.0.7", "REGISTER", "wrong password for 'alice'");
        refusals.refused("10.0.0.7", "REGISTER", "unknown user 'root'");
        refusals.refused("10.0.0.8", "INVITE", "authenticated as bob but calling as carol");
        refusals.refused("10.0.0.7", "REGISTER", "unknown user 'admin'");
        refusals.flushDue();
        assertThat(lines).containsExactly("registrar: refused a sign-in from 10.0.0.7: wrong password for 'alice'",
                "registrar: refused INVITE from 10.0.0.8: authenticated as bob but calling as carol");

        now.addAndGet(10_000);
        refusals.flushDue();
        assertThat(lines).hasSize(3).last().isEqualTo(
                "registrar: refused 2 more sign-ins from 10.0.0.7 in the last 10 s (last: unknown user 'admin', from 10.0.0.7)");

        now.addAndGet(10_000);
        refusals.flushDue(); // a quiet interval: forgotten, so the next refusal is news again
        refusals.refused("10.0.0.7", "REGISTER", "wrong password for 'alice'");
        assertThat(lines).hasSize(4).last().asString().startsWith("registrar: refused a sign-in from 10.0.0.7");
    }

    @Test
    void aUserNameWithLineBreaksStaysOnOneLine() {
        refusals.refused("10.0.0.7", "REGISTER", "unknown user 'a\r\nFAKE LINE'");

        assertThat(lines).singleElement().asString().doesNotContain("\n").doesNotContain("\r");
    }
}
