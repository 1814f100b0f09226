package io.github.ucmaworkbench.sip;

import java.lang.reflect.Field;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The few JAIN-SIP fields we reach by reflection, where the RI has no setting for what we need.
 * Every user has a way on without its field (another RI version may not have it), so a missing
 * or inaccessible one is only a debug line.
 */
final class RiFields {
    private static final Logger LOG = LoggerFactory.getLogger(RiFields.class);

    private RiFields() {
    }

    /** {@code owner}'s field {@code name}, made accessible; null when that fails. */
    static Field accessible(Class<?> owner, String name) {
        try {
            Field f = owner.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("JAIN-SIP's {}.{} is not accessible: doing without it", owner.getSimpleName(), name, e);
            return null;
        }
    }
}
