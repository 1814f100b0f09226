/**
 * The JAIN-SIP adapter behind rtc: the endpoints' transactions, dialogs, registration refresh,
 * digest answers, offer/answer, and port binding for the endpoints' stacks.
 *
 * <p>May import sip and common (the wire trace is written by sip's logger); only rtc imports it. Its {@code SipListener} callbacks run on
 * the stack's threads and per-call lanes and never block; results go back to rtc's workers.
 */
package io.github.ucmaworkbench.rtc.sip;
