/**
 * The embedded SIP registrar and stateful proxy (RFC 3261 registrar, location service, digest
 * challenges) on JAIN-SIP, serving the classroom on loopback or the LAN.
 *
 * <p>May import sip and common; only app imports it (the window's embedded registrar, the
 * {@code registrar} command, the headless lesson runner). Requests run on the stack's threads and
 * per-call lanes; start and close on the caller's thread.
 */
package io.github.ucmaworkbench.registrar;
