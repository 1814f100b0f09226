package io.github.ucmaworkbench.rtc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Callbacks run in order on the workers, and one that throws does not stop the ones after it. */
class WorkersTest {
    @Test
    void aThrowingCallbackDoesNotStallTheCallbacksBehindIt() throws Exception {
        Executor serial = Workers.serial();
        CountDownLatch after = new CountDownLatch(1);
        serial.execute(() -> {
            throw new IllegalStateException("not listening"); // as ServerManager's late stopListening did
        });
        serial.execute(after::countDown);

        assertThat(after.await(10, TimeUnit.SECONDS)).as("the next callback still ran").isTrue();
    }
}
