package io.github.ucmaworkbench.trace;

/** Whether a traced message left this process or arrived at it. */
public enum Direction {
    SENT,
    RECEIVED
}
