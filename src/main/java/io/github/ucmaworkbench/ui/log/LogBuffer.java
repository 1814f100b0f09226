package io.github.ucmaworkbench.ui.log;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Where progress lines wait between the thread that wrote them and the Swing timer that shows
 * them. Any thread may {@link #offer}; the event thread {@link #drain}s. It holds at most
 * {@code capacity} lines: in a flood the oldest waiting lines give way and the drain reports how
 * many, so the window never falls further behind than one screenful of work.
 */
public final class LogBuffer {
    private final int capacity;
    private final ArrayDeque<LogEntry> waiting = new ArrayDeque<>();
    private long dropped;

    /** What one drain took out. */
    public record Batch(List<LogEntry> entries, long dropped) {
        public boolean isEmpty() {
            return entries.isEmpty() && dropped == 0;
        }
    }

    public LogBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
    }

    public synchronized void offer(LogEntry entry) {
        if (waiting.size() == capacity) {
            waiting.removeFirst();
            dropped++;
        }
        waiting.addLast(entry);
    }

    /** Everything waiting, oldest first, and how many lines were dropped since the last drain. */
    public synchronized Batch drain() {
        return drain(Integer.MAX_VALUE);
    }

    /** At most {@code max} of the oldest waiting lines, and how many were dropped since the last drain. */
    public synchronized Batch drain(int max) {
        if (waiting.isEmpty() && dropped == 0) {
            return new Batch(List.of(), 0);
        }
        List<LogEntry> taken = new ArrayList<>(Math.min(max, waiting.size()));
        while (taken.size() < max && !waiting.isEmpty()) {
            taken.add(waiting.removeFirst());
        }
        Batch batch = new Batch(taken, dropped);
        dropped = 0;
        return batch;
    }

    public synchronized int size() {
        return waiting.size();
    }
}
