/**
 * JDK-only helpers under every layer: the config folder, owner-only atomic file replacement, named
 * daemon threads, and the forbidden-apis suppression annotation. One copy of each.
 *
 * <p>Imports nothing of ours; any layer may import it. Thread-safe, any thread.
 */
package io.github.ucmaworkbench.common;
