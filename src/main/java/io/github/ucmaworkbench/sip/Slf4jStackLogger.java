package io.github.ucmaworkbench.sip;

import gov.nist.core.StackLogger;
import io.github.ucmaworkbench.trace.Redaction;
import io.github.ucmaworkbench.trace.SipTrace;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes JAIN-SIP's internal logging to SLF4J so the stack never reaches for log4j 1.x.
 *
 * <p>The stack asks {@code isLoggingEnabled(TRACE_MESSAGES)} (16) before it hands a message to the
 * server logger, and our trace stream is fed from there, so level 16 is "on" whatever SLF4J
 * says, unless the trace is switched off ({@link SipTrace#switchOffUnlessWatched}). Everything the
 * stack writes is one level quieter than it thinks: it reports ordinary
 * events (a closed socket at shutdown) as errors.
 *
 * <p>At DEBUG the stack logs whole messages; they pass {@link Redaction} first, so a digest
 * response never reaches a log file (it is what an offline password guess starts from).
 */
public final class Slf4jStackLogger implements StackLogger {
    private static final Logger LOG = LoggerFactory.getLogger("jain-sip");

    @Override
    public boolean isLoggingEnabled() {
        return true;
    }

    @Override
    public boolean isLoggingEnabled(int logLevel) {
        if (logLevel < TRACE_MESSAGES) {
            return true;
        }
        if (logLevel == TRACE_MESSAGES) {
            // Off with the trace, the stack does not even build the log call's address strings.
            return SipTrace.global().isEnabled();
        }
        return logLevel == TRACE_DEBUG ? LOG.isDebugEnabled() : LOG.isTraceEnabled();
    }

    @Override public void logStackTrace() { }
    @Override public void logStackTrace(int traceLevel) { }
    @Override public int getLineCount() { return 0; }
    @Override public void logException(Throwable ex) { LOG.debug("stack exception", ex); }
    @Override public void logDebug(String message) { LOG.debug(mask(message)); }
    @Override public void logDebug(String message, Exception ex) { LOG.debug(mask(message), ex); }
    @Override public void logTrace(String message) { LOG.trace(mask(message)); }
    @Override public void logFatalError(String message) { LOG.error(mask(message)); }
    @Override public void logError(String message) { LOG.warn(mask(message)); }
    @Override public void logError(String message, Exception ex) { LOG.warn(mask(message), ex); }
    @Override public void logWarning(String message) { LOG.info(mask(message)); }
    @Override public void logInfo(String message) { LOG.debug(mask(message)); }
    @Override public void disableLogging() { }

    private static String mask(String message) {
        return message == null ? null : Redaction.maskCredentials(message);
    }

    @Override public void enableLogging() { }
    @Override public void setBuildTimeStamp(String buildTimeStamp) { }
    @Override public void setStackProperties(Properties stackProperties) { }
    @Override public String getLoggerName() { return LOG.getName(); }
}
