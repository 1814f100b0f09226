package io.github.ucmaworkbench.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The logging set-up, in code: the app's own INFO lines on stderr, nothing from the SIP stack but
 * real errors ({@code -Ducma.log.level=DEBUG} for more of ours). Logback finds it through
 * {@code META-INF/services} before it would look for a {@code logback.xml}.
 *
 * <p>Why not XML: reading {@code logback.xml} (Joran: an XML parser, a model, its processors)
 * was the largest single piece of a cold start (BENCHMARKS.md, "Cold start: what each lever gave"), paid by the window
 * and by every command line run alike. An explicit {@code -Dlogback.configurationFile}, or a
 * {@code logback-test.xml} on the class path (the tests'), still wins.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {
    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        boolean xmlAskedFor = System.getProperty("logback.configurationFile") != null
                || LogSetup.class.getClassLoader().getResource("logback-test.xml") != null;
        return configure(context, xmlAskedFor);
    }

    ExecutionStatus configure(LoggerContext context, boolean xmlAskedFor) {
        if (xmlAskedFor) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stderr);
        context.getLogger("jain-sip").setLevel(Level.ERROR);
        context.getLogger("io.github.ucmaworkbench").setLevel(Level.toLevel(System.getProperty("ucma.log.level"), Level.INFO));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
