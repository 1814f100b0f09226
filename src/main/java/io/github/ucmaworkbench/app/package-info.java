/**
 * The composition root: {@code main()}, the command line (the window by default, headless
 * sub-commands in {@code app.cli}), the JSON settings store, and all wiring: which view listens to
 * which side, the ladder's links to the logs, the headless lesson runner's registrar.
 *
 * <p>May import every other layer; nothing imports it. {@code main} runs on the launcher thread and
 * hands the window to the event thread; the stores and wiring are called on the event thread, the
 * side models' lifecycle on one daemon thread per side.
 */
package io.github.ucmaworkbench.app;
