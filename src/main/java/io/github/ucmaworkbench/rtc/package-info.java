/**
 * The UCMA-shaped API: {@code SipEndpoint}, {@code SignalingSession}, connection managers, events,
 * Begin/End with {@code AsyncResult}, UCMA's exception family. Public, documented, usable without the
 * UI. The JAIN-SIP work happens in {@code rtc.sip}.
 *
 * <p>May import rtc.sip, sip and common. Callbacks and events run on the {@link Workers} executor,
 * never on a JAIN-SIP stack thread and never on the Swing thread.
 */
package io.github.ucmaworkbench.rtc;
