package io.github.ucmaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.core.ConsoleAppender;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The logging set-up in code that replaced logback.xml: same levels, same stderr output. */
class LogSetupTest {
    @Test
    void oursAtInfoTheStackOnlyErrorsEverythingElseWarnOnStderr() {
        LoggerContext context = new LoggerContext();

        assertThat(new LogSetup().configure(context, false)).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("jain-sip").getLevel()).isEqualTo(Level.ERROR);
        assertThat(context.getLogger("io.github.ucmaworkbench.registrar.RegistrarService").getEffectiveLevel())
                .isEqualTo(Level.INFO);
        assertThat(root.getAppender("STDERR")).isInstanceOfSatisfying(ConsoleAppender.class,
                a -> assertThat(a.getTarget()).isEqualTo("System.err"));
    }

    @Test
    void anXmlConfigurationAskedForStillWins() {
        LoggerContext context = new LoggerContext();

        assertThat(new LogSetup().configure(context, true)).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR")).isNull();
    }

    @Test
    void logbackFindsItAsAService() {
        assertThat(ServiceLoader.load(ch.qos.logback.classic.spi.Configurator.class).stream()
                .map(ServiceLoader.Provider::type)).contains(LogSetup.class);
    }
}
