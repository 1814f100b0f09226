package io.github.ucmaworkbench.lessons.exercise;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jdk.jshell.execution.LoaderDelegate;
import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Loads the console's snippets with the workbench's own class loader as parent. JShell's
 * built-in local engine uses the system class loader as parent, so when the workbench runs
 * under another loader ({@code mvn exec:java}) a snippet would get its own copy of
 * {@link ConsoleBindings} and see no endpoints at all.
 */
final class SnippetLoader implements LoaderDelegate {
    private final Map<String, byte[]> classes = new ConcurrentHashMap<>();
    private final ClassLoader loader = new ClassLoader("api-console", SnippetLoader.class.getClassLoader()) {
        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = classes.get(name);
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }
    };

    /** An execution engine for {@code JShell.builder().executionEngine(...)}, running snippets in this JVM. */
    static ExecutionControlProvider provider() {
        return new ExecutionControlProvider() {
            @Override
            public String name() {
                return "workbench-local";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                return new LocalExecutionControl(new SnippetLoader());
            }
        };
    }

    @Override
    public void load(ExecutionControl.ClassBytecodes[] bytecodes) throws ExecutionControl.ClassInstallException {
        boolean[] installed = new boolean[bytecodes.length];
        for (ExecutionControl.ClassBytecodes cb : bytecodes) {
            classes.put(cb.name(), cb.bytecodes());
        }
        for (int i = 0; i < bytecodes.length; i++) {
            try {
                loader.loadClass(bytecodes[i].name());
                installed[i] = true;
            } catch (ClassNotFoundException | LinkageError e) {
                throw new ExecutionControl.ClassInstallException("could not load " + bytecodes[i].name() + ": " + e, installed);
            }
        }
    }

    @Override
    public void classesRedefined(ExecutionControl.ClassBytecodes[] bytecodes) {
        for (ExecutionControl.ClassBytecodes cb : bytecodes) {
            classes.put(cb.name(), cb.bytecodes());
        }
    }

    @Override
    public void addToClasspath(String path) {
        // The parent loader already has the workbench's classes; the compiler's class path is set apart.
    }

    @Override
    public Class<?> findClass(String name) throws ClassNotFoundException {
        return loader.loadClass(name);
    }
}
