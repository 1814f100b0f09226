package io.github.ucmaworkbench.registrar;

import io.github.ucmaworkbench.rtc.sip.SipStacks;
import javax.sip.SipStack;

/**
 * Stops a JAIN-SIP stack without its one-second nap. {@code SIPTransactionStack.stopStack()} closes
 * every socket and then sleeps 1 s unconditionally "to let processing complete" — which would make
 * every {@code close()} (and every test) a second slower. Its sockets are plain blocking ones, so
 * stopping on a fresh thread whose interrupt flag is already set ends that sleep at once and
 * touches nothing else; the caller's own interrupt status is left alone.
 */
final class QuickStop {
    private QuickStop() {
    }

    static void stop(SipStack stack) {
        if (stack == null) {
            return;
        }
        Thread stopper = new Thread(() -> {
            Thread.currentThread().interrupt();
            SipStacks.stop(stack);
        }, "registrar-stop");
        stopper.setDaemon(true);
        stopper.start();
        try {
            stopper.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
