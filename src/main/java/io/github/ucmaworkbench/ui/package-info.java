/**
 * Swing only: the frame, the client and server panels, the settings dialog, the progress logs, the
 * lesson view, the ladder and the message inspector. Panels load a settings model into their
 * widgets and write it back; they never keep their own copy.
 *
 * <p>May import settings, lessons, tutorial, rtc (its value types), trace and common; never app,
 * never JAIN-SIP. Called on the Swing event thread only; rtc and tutorial callbacks arrive on worker
 * threads and are marshalled with {@code SwingUtilities.invokeLater}.
 */
package io.github.ucmaworkbench.ui;
