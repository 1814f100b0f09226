package io.github.ucmaworkbench.settings;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The one place the current settings live while the app runs (the frame, the dialogs and the
 * theme read it; none of them keeps its own copy). Every change is saved at once and announced to
 * the listeners on the caller's thread; a failed save is reported as one sentence, not thrown,
 * because the running app can go on with the settings in memory.
 */
public final class SettingsHolder {
    private final SettingsSaver store;
    private final List<Consumer<WorkbenchSettings>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> problemSinks = new CopyOnWriteArrayList<>();
    private volatile WorkbenchSettings current;

    public SettingsHolder(SettingsSaver store, WorkbenchSettings initial) {
        this.store = store;
        this.current = Objects.requireNonNull(initial);
    }

    public WorkbenchSettings get() {
        return current;
    }

    /**
     * Applies a change, saves it and tells the listeners; nothing happens when the value is the same.
     * Settings that cannot be used are neither kept nor saved, whatever asked for them: the problem
     * sinks hear why (dialogs refuse such input before it gets here).
     */
    public void update(UnaryOperator<WorkbenchSettings> change) {
        WorkbenchSettings next;
        synchronized (this) {
            next = Objects.requireNonNull(change.apply(current));
            if (next.equals(current)) {
                return;
            }
            String problem = next.firstProblem();
            if (problem != null) {
                String message = "Settings not changed: " + problem;
                problemSinks.forEach(sink -> sink.accept(message));
                return;
            }
            current = next;
        }
        try {
            store.save(next);
        } catch (IOException | RuntimeException e) {
            String message = "Could not save the settings to " + store.location() + ": " + e.getMessage()
                    + ". They stay in effect until the app closes.";
            problemSinks.forEach(sink -> sink.accept(message));
        }
        listeners.forEach(l -> l.accept(next));
    }

    /** Called with the new settings after each change. */
    public AutoCloseable addListener(Consumer<WorkbenchSettings> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Called with one sentence when saving fails. */
    public AutoCloseable addProblemSink(Consumer<String> sink) {
        problemSinks.add(sink);
        return () -> problemSinks.remove(sink);
    }

    public SettingsSaver store() {
        return store;
    }
}
