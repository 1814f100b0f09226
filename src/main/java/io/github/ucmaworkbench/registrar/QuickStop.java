package io.github.ucmaworkbench.registrar;

import io.github.ucmaworkbench.rtc.sip.SipStacks;
import javax.sip.SipStack;

/**
 * Stops a JAIN-SIP stack completely. {@code UDPMessageProcessor.stop()} throws a
 * NullPointerException when its receiver thread has not run yet (the thread creates the list
 * {@code stop()} walks), i.e. when a stack is stopped right after it was started or after a failed
 * bind. The exception aborts {@code stopStack()} half-way and the processors after it (our TCP
 * port) stay bound. The failed processor is already out of the stack's list by then, so a second
 * stop finishes the job; on a cleanly stopped stack it only repeats idempotent steps, and
 * {@link SipStacks#stop} keeps each stop free of the RI's one-second nap.
 */
final class QuickStop {
    private QuickStop() {
    }

    static void stop(SipStack stack) {
        SipStacks.stop(stack);
        SipStacks.stop(stack);
    }
}
