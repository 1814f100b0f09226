/**
 * The tutorial's sample code in Java: {@code ClientManager} and {@code ServerManager}, written
 * against rtc as the series writes it (recordProgress and error callbacks, Begin/End with callbacks).
 * Marked regions ({@code // region name} ... {@code // endregion}) are what lessons show as code.
 *
 * <p>May import rtc and common. Managers are called from any thread; their progress events and the
 * accept-policy decisions run on rtc worker threads.
 */
package io.github.ucmaworkbench.tutorial;
