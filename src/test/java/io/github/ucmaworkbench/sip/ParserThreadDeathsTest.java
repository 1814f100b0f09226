package io.github.ucmaworkbench.sip;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A JAIN-SIP connection reader that dies on bad input is one log line, not a console stack trace. */
class ParserThreadDeathsTest {
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private Thread.UncaughtExceptionHandler before;
    private final AtomicReference<Throwable> passedOn = new AtomicReference<>();

    @BeforeEach
    void install() {
        before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> passedOn.set(e));
        ParserThreadDeaths.install();
        lines.start();
        ((Logger) LoggerFactory.getLogger(MalformedInputReporter.LOGGER_NAME)).addAppender(lines);
    }

    @AfterEach
    void restore() {
        ((Logger) LoggerFactory.getLogger(MalformedInputReporter.LOGGER_NAME)).detachAppender(lines);
        Thread.setDefaultUncaughtExceptionHandler(before);
    }

    private static void dieOn(String name, RuntimeException e) throws InterruptedException {
        Thread t = new Thread(() -> {
            throw e;
        }, name);
        t.start();
        t.join();
    }

    @Test
    void aParserThreadDyingOnInputIsOneLineForManyConnections() throws Exception {
        for (int i = 0; i < 5; i++) {
            dieOn("PipelineThread-" + i, new ArrayIndexOutOfBoundsException("Index 2 out of bounds for length 2"));
        }

        List<String> messages = lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(messages).hasSize(1).first().asString()
                .contains("whose input the SIP parser could not read").contains("ArrayIndexOutOfBoundsException");
        assertThat(passedOn.get()).isNull();
    }

    @Test
    void aReaderStillReadingWhenItsStackStoppedSaysNothing() throws Exception {
        dieOn("PipelineThread-9", new IllegalStateException("The SIP Stack Timer has been stopped, no new tasks can be scheduled !"));

        assertThat(lines.list).isEmpty();
        assertThat(passedOn.get()).isNull();
    }

    @Test
    void withNoHandlerBeforeAnotherThreadsDeathIsLoggedOnceNotPassedInACircle() throws Exception {
        Thread.setDefaultUncaughtExceptionHandler(null);
        ParserThreadDeaths.install(); // now the JVM-wide handler, with nobody before it
        ListAppender<ILoggingEvent> uncaught = new ListAppender<>();
        uncaught.start();
        Logger log = (Logger) LoggerFactory.getLogger(ParserThreadDeaths.class);
        log.addAppender(uncaught);
        AtomicReference<Throwable> handlerFailed = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            throw new IllegalStateException("late event after stop");
        }, "ucma-worker-7");
        try {
            // Called as the JVM would; before the fix it went thread group -> default handler -> ...
            Thread.getDefaultUncaughtExceptionHandler().uncaughtException(worker, new IllegalStateException("late"));
        } catch (Throwable t) {
            handlerFailed.set(t);
        } finally {
            log.detachAppender(uncaught);
        }

        assertThat(handlerFailed.get()).as("the handler itself must not fail (StackOverflowError)").isNull();
        assertThat(uncaught.list).hasSize(1).first().extracting(ILoggingEvent::getFormattedMessage).asString()
                .contains("ucma-worker-7");
    }

    @Test
    void anyOtherThreadsDeathGoesToTheHandlerThereWasBefore() throws Exception {
        IllegalStateException boom = new IllegalStateException("boom");

        dieOn("some-worker", boom);

        assertThat(passedOn.get()).isSameAs(boom);
        assertThat(lines.list).isEmpty();
    }
}
