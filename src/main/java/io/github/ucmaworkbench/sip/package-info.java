/**
 * What rtc.sip and the registrar share: stack creation and shutdown, per-call lanes, malformed-input
 * reporting, free-port probing, protocol timers, TLS material ({@code sip.tls}) and the stack's wire
 * logger into trace. Neither rtc.sip nor registrar reaches into the other.
 *
 * <p>May import trace and common. Called from the stacks' threads, the lanes and whoever creates a
 * stack; nothing here blocks a stack thread.
 */
package io.github.ucmaworkbench.sip;
