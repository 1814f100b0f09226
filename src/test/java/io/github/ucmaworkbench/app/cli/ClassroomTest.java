package io.github.ucmaworkbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.testing.FreePorts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Classroom mode on one machine: the teacher's registrar and server, and 50 students' clients
 * signing in at once, each calling the teacher's server. The server's policy applies to all.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ClassroomTest {
    static final int STUDENTS = 50;
    private static final Duration START = Duration.ofSeconds(15);

    private CliRun registrar;
    private CliRun server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
            assertThat(server.exitCode()).isZero();
        }
        if (registrar != null) {
            registrar.close();
            assertThat(registrar.exitCode()).isZero();
        }
    }

    private String startTeacher(String policy) {
        registrar = CliRun.background("registrar", "--port", String.valueOf(FreePorts.pick()));
        String at = "127.0.0.1:" + registrar.awaitOut("Registrar listening on 127\\.0\\.0\\.1:(\\d+)", START);
        server = CliRun.background("server", "--uri", "sip:teacher@example.com", "--server", at, "--policy", policy);
        server.awaitOut("Server ready", START);
        return at;
    }

    /** Every student's client command, started together (a latch, not a loop of sequential runs). */
    private static List<CliRun> wholeClassCalls(String at) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(STUDENTS);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<CliRun>> runs = new ArrayList<>();
            for (int i = 1; i <= STUDENTS; i++) {
                String uri = String.format("sip:student%02d@example.com", i);
                runs.add(pool.submit(() -> {
                    go.await();
                    return CliRun.of("client", "--uri", uri, "--server", at, "--invite", "sip:teacher@example.com",
                            "--timeout", "20");
                }));
            }
            go.countDown();
            List<CliRun> done = new ArrayList<>();
            for (Future<CliRun> run : runs) {
                done.add(run.get(60, TimeUnit.SECONDS));
            }
            return done;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void fiftyStudentsCallTheTeachersServerAndAllAreAccepted() throws Exception {
        String at = startTeacher("accept");

        List<CliRun> students = wholeClassCalls(at);

        for (CliRun student : students) {
            assertThat(student.exitCode()).as(student.out() + student.err()).isZero();
            assertThat(student.out()).contains("Session established", "Signed out successfully.");
        }
        assertThat(server.out().lines().filter(l -> l.contains("server Invite arrived from sip:student")))
                .hasSize(STUDENTS);
        for (int i = 1; i <= STUDENTS; i++) {
            assertThat(server.out()).contains(String.format("Invite arrived from sip:student%02d@example.com.", i));
        }
    }

    @Test
    void fiftyStudentsAllGetTheTeachersRejection() throws Exception {
        String at = startTeacher("reject:486:Busy Here");

        List<CliRun> students = wholeClassCalls(at);

        for (CliRun student : students) {
            assertThat(student.exitCode()).isEqualTo(1);
            assertThat(student.err()).contains("refused with 486 Busy Here");
        }
        assertThat(server.out().lines().filter(l -> l.contains("The invite was rejected with 486 Busy Here")))
                .hasSize(STUDENTS);
    }
}
