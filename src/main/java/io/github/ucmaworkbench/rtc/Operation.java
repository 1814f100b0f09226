package io.github.ucmaworkbench.rtc;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@link AsyncResult} behind every Begin/End pair: completes once, runs the callback once on
 * the owner's worker executor, and lets End be called once (UCMA: a second End is an
 * InvalidOperationException).
 */
final class Operation<T> implements AsyncResult {
    private final Object owner;
    private final String name;
    private final AsyncCallback callback;
    private final Object state;
    private final Executor executor;
    private final CountDownLatch done = new CountDownLatch(1);
    private final AtomicBoolean completed = new AtomicBoolean();
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile boolean beginReturned;
    private volatile boolean synchronous;
    private volatile T result;
    private volatile RealTimeException failure;

    Operation(Object owner, String name, AsyncCallback callback, Object state, Executor executor) {
        this.owner = owner;
        this.name = name;
        this.callback = callback;
        this.state = state;
        this.executor = executor;
    }

    /** Marks the Begin call as returned; an operation completing before this completed synchronously. */
    Operation<T> started() {
        beginReturned = true;
        return this;
    }

    boolean succeed(T value) {
        return complete(value, null);
    }

    boolean fail(RealTimeException error) {
        return complete(null, error);
    }

    private boolean complete(T value, RealTimeException error) {
        if (!completed.compareAndSet(false, true)) {
            return false;
        }
        result = value;
        failure = error;
        synchronous = !beginReturned;
        done.countDown();
        if (callback != null) {
            executor.execute(() -> callback.invoke(this));
        }
        return true;
    }

    /** The End call: waits, rethrows the failure, and refuses a second call. */
    static <T> T end(AsyncResult result, Object owner, String name) throws RealTimeException {
        if (!(result instanceof Operation<?> op) || op.owner != owner || !op.name.equals(name)) {
            throw new IllegalArgumentException("this AsyncResult did not come from " + name + " on this object");
        }
        if (!op.ended.compareAndSet(false, true)) {
            throw new IllegalStateException("End" + name + " was already called for this operation");
        }
        try {
            op.done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RealTimeException("interrupted while waiting for " + name, e);
        }
        if (op.failure != null) {
            throw op.failure;
        }
        @SuppressWarnings("unchecked")
        T value = (T) op.result;
        return value;
    }

    @Override
    public Object getAsyncState() {
        return state;
    }

    @Override
    public boolean isCompleted() {
        return completed.get();
    }

    @Override
    public boolean isCompletedSynchronously() {
        return synchronous;
    }

    @Override
    public boolean waitForCompletion(Duration timeout) throws InterruptedException {
        return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
