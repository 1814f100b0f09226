package io.github.ucmaworkbench.testing;

import java.awt.Component;
import java.awt.Container;

/** Finds a named component without a robot: benchmarks run without AssertJ-Swing's finder. */
public final class ComponentTree {
    private ComponentTree() {
    }

    /** The first component named {@code name} below {@code root}, depth first; null if none. */
    public static Component find(Container root, String name) {
        for (Component c : root.getComponents()) {
            if (name.equals(c.getName())) {
                return c;
            }
            if (c instanceof Container container) {
                Component found = find(container, name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
