/**
 * One stream of every SIP message sent or received in this process (time, direction, peers, raw
 * text, Call-ID), de-duplicated; the progress log's links, the ladder and the inspector are views of
 * it, and {@code trace.export} writes it out (pcap, text).
 *
 * <p>May import common only; app, ui, lessons and sip read it. Messages arrive on JAIN-SIP threads and are appended without blocking;
 * listeners are called on that thread and must hand work on (the ladder batches onto the event thread).
 */
package io.github.ucmaworkbench.trace;
