package io.github.ucmaworkbench.bench;

/** Benchmark 1's floor: a bare JVM that prints one line. */
public final class Hello {
    private Hello() {
    }

    public static void main(String[] args) {
        System.out.println("hello");
    }
}
