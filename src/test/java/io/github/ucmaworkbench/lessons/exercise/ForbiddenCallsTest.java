package io.github.ucmaworkbench.lessons.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The class-file check sees a forbidden call however the source spells it. */
class ForbiddenCallsTest {
    private static StudentCompiler.Result compile(String body) {
        StudentCompiler.Result result = new StudentCompiler().compile("import java.util.function.*;\n"
                + "public class Sneaky {\n" + body + "\n}\n");
        assertThat(result.problems()).isEmpty();
        return result;
    }

    @Test
    void aMethodReferenceToSystemExitIsFound() {
        assertThat(ForbiddenCalls.find(compile("IntConsumer bye = System::exit;").classes())).containsExactly("System.exit");
    }

    @Test
    void unicodeEscapesDoNotHideIt() {
        assertThat(ForbiddenCalls.find(compile("void f() { System.\\u0065xit(1); }").classes())).containsExactly("System.exit");
    }

    @Test
    void haltAndReflectionAreFoundToo() {
        assertThat(ForbiddenCalls.find(compile("void f() throws Exception { Runtime.getRuntime().halt(1);"
                + " Class.forName(\"java.lang.System\"); }").classes())).containsExactly("Class.forName", "Runtime.halt");
    }

    @Test
    void ordinaryCodeIsNotRefused() {
        assertThat(ForbiddenCalls.find(compile("Runnable r = () -> System.out.println(\"exit\"); int exit = 0;").classes())).isEmpty();
    }
}
