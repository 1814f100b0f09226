package io.github.ucmaworkbench.rtc;

/**
 * A handler of one of the API's events; mirrors .NET's {@code EventHandler<TEventArgs>}.
 *
 * @param <T> the event arguments
 */
@FunctionalInterface
public interface EventHandler<T> {
    void handle(Object sender, T e);
}
