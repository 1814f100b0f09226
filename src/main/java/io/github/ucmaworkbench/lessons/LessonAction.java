package io.github.ucmaworkbench.lessons;

import java.util.EnumSet;
import java.util.Set;

/**
 * The fixed set of things a lesson step can do. Each one calls the same tutorial manager method
 * as the window's button; {@link #WATCH} does nothing and waits for something that happens after
 * it starts (a timer running out, the far side doing something).
 */
public enum LessonAction {
    SIGN_IN("sign-in", EnumSet.allOf(Side.class), Argument.NONE),
    /** Signs in once with one setting changed: {@code password WRONG} or {@code server HOST:PORT}. */
    SIGN_IN_WITH("sign-in-with", EnumSet.allOf(Side.class), Argument.REQUIRED),
    SIGN_OUT("sign-out", EnumSet.allOf(Side.class), Argument.NONE),
    LISTEN("listen", EnumSet.of(Side.SERVER), Argument.NONE),
    STOP_LISTENING("stop-listening", EnumSet.of(Side.SERVER), Argument.NONE),
    SEND_INVITE("send-invite", EnumSet.of(Side.CLIENT), Argument.NONE),
    SEND_INVITE_SYNC("send-invite-sync", EnumSet.of(Side.CLIENT), Argument.NONE),
    SEND_INVITE_HEADERS("send-invite-headers", EnumSet.of(Side.CLIENT), Argument.REQUIRED),
    HANG_UP("hang-up", EnumSet.allOf(Side.class), Argument.NONE),
    SEND_MESSAGE("send-message", EnumSet.of(Side.CLIENT), Argument.REQUIRED),
    SET_POLICY("set-policy", EnumSet.of(Side.SERVER), Argument.REQUIRED),
    SET_TIMEOUT("set-timeout", EnumSet.allOf(Side.class), Argument.REQUIRED),
    SET_RING_TIMEOUT("set-ring-timeout", EnumSet.of(Side.CLIENT), Argument.REQUIRED),
    WATCH("watch", EnumSet.allOf(Side.class), Argument.NONE);

    enum Argument { NONE, REQUIRED }

    private final String id;
    private final Set<Side> sides;
    private final Argument argument;

    LessonAction(String id, Set<Side> sides, Argument argument) {
        this.id = id;
        this.sides = sides;
        this.argument = argument;
    }

    /** The name lesson files use, e.g. {@code send-invite}. */
    public String id() {
        return id;
    }

    public boolean allows(Side side) {
        return sides.contains(side);
    }

    public boolean takesArgument() {
        return argument == Argument.REQUIRED;
    }

    /** The action named {@code id}, or null. */
    public static LessonAction byId(String id) {
        for (LessonAction action : values()) {
            if (action.id.equals(id)) {
                return action;
            }
        }
        return null;
    }

    /** Every id, for error messages. */
    public static String ids() {
        StringBuilder all = new StringBuilder();
        for (LessonAction action : values()) {
            all.append(all.length() == 0 ? "" : ", ").append(action.id);
        }
        return all.toString();
    }
}
