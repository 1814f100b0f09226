package io.github.ucmaworkbench.lessons.exercise;

import io.github.ucmaworkbench.tutorial.ClientManager;
import io.github.ucmaworkbench.tutorial.ServerManager;
import java.util.function.Supplier;

/**
 * Where the API console's snippets find the live endpoints: JShell snippets run in this JVM
 * (local execution) but can only reach public static members, so the console points these at
 * the window's managers before each snippet. Public for the snippets; nothing else should use it.
 */
public final class ConsoleBindings {
    private static volatile Supplier<ClientManager> client = () -> null;
    private static volatile Supplier<ServerManager> server = () -> null;

    private ConsoleBindings() {
    }

    static void bind(Supplier<ClientManager> clientSource, Supplier<ServerManager> serverSource) {
        client = clientSource;
        server = serverSource;
    }

    public static ClientManager client() {
        return client.get();
    }

    public static ServerManager server() {
        return server.get();
    }
}
