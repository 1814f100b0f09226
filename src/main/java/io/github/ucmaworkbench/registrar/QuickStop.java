package io.github.ucmaworkbench.registrar;

import io.github.ucmaworkbench.rtc.sip.SipStacks;
import javax.sip.SipStack;

/**
 * Stops a JAIN-SIP stack quickly and completely, working around two RI quirks.
 *
 * <ul>
 * <li>{@code SIPTransactionStack.stopStack()} closes every socket and then sleeps 1 s
 * unconditionally "to let processing complete" — a second on every {@code close()} and every
 * test. The RI's sockets are plain blocking ones, so stopping on a fresh thread whose interrupt
 * flag is already set ends that sleep at once and touches nothing else; the caller's own interrupt
 * status is left alone.</li>
 * <li>{@code UDPMessageProcessor.stop()} throws a NullPointerException when its receiver thread has
 * not run yet (its channel list is created there), i.e. when a stack is stopped right after it
 * was started. The exception aborts {@code stopStack()} half-way: the processors after it (our TCP
 * port) stay bound. The failed processor is already out of the stack's list, so a second stop
 * finishes the job; on a cleanly stopped stack the second stop only repeats idempotent steps.</li>
 * </ul>
 */
final class QuickStop {
    private QuickStop() {
    }

    static void stop(SipStack stack) {
        if (stack == null) {
            return;
        }
        Thread stopper = new Thread(() -> {
            for (int attempt = 0; attempt < 2; attempt++) {
                Thread.currentThread().interrupt();
                SipStacks.stop(stack);
            }
            Thread.interrupted();
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
