package io.github.ucmaworkbench.app.cli;

import io.github.ucmaworkbench.rtc.SipTransportType;
import io.github.ucmaworkbench.tutorial.EndpointSettings;
import java.time.Duration;
import io.github.ucmaworkbench.sip.tls.TlsMaterial;
import io.github.ucmaworkbench.sip.tls.TlsSetupException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What both sides need to sign in: the options the settings dialog has, on the command line. */
final class EndpointOptions {
    @Option(names = "--uri", required = true, paramLabel = "URI",
            description = "Our SIP URI, e.g. sip:server@example.com")
    String uri;

    @Option(names = "--server", required = true, paramLabel = "HOST[:PORT]", converter = HostPort.Converter.class,
            description = "The registrar to sign in to, e.g. 127.0.0.1:5060 (port default: 5060)")
    HostPort server;

    @Option(names = "--transport", paramLabel = "tcp|udp|tls", converter = TransportConverter.class, defaultValue = "tcp",
            description = "Transport to the registrar (default: tcp, as UCMA; tls: port default 5061)")
    SipTransportType transport;

    @Mixin
    TlsOptions tls;

    @Option(names = "--user", paramLabel = "NAME", description = "Digest user name, when the registrar asks for one")
    String user;

    @Option(names = "--password", paramLabel = "SECRET",
            description = "Digest password (with --user). Other users can see it with ps: prefer --password-file or $"
                    + PasswordSource.ENV + ". Precedence: " + PasswordSource.PRECEDENCE + ".")
    String password;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "Read the digest password (with --user) from the first line of FILE; keep it chmod 600")
    java.nio.file.Path passwordFile;

    /** The password after {@link #readyToSignIn}: from the option, the file or the environment. */
    private String resolvedPassword;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Timeout of each SIP operation (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    EndpointSettings settings() {
        return new EndpointSettings(uri.trim(), server.host(), server.port(), transport, user, resolvedPassword);
    }

    Duration operationTimeout() {
        return Duration.ofSeconds(timeoutSeconds);
    }

    /** How long the command waits for a step's outcome: the operation's own timeout, plus slack. */
    Duration stepTimeout() {
        return operationTimeout().plusSeconds(5);
    }

    /** A one-line problem with the options, or null. */
    String problem() {
        if (timeoutSeconds < 1 || timeoutSeconds > 300) {
            return "--timeout must be 1-300 seconds, not " + timeoutSeconds;
        }
        return tls.problem(transport == SipTransportType.TLS);
    }

    /**
     * Checks these options and {@code trace} (a bad one is a usage error, thrown), then prepares
     * TLS; false, after one line on stderr, when TLS cannot be used. The client and server commands
     * start with it.
     */
    boolean readyToSignIn(picocli.CommandLine.Model.CommandSpec spec, TraceOptions trace, CliIo io) {
        String problem = problem() != null ? problem() : trace.problem();
        PasswordSource.Resolved secret = PasswordSource.resolve(user, password, passwordFile, System::getenv);
        problem = problem != null ? problem : secret.problem();
        if (problem != null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), problem);
        }
        if (secret.warning() != null) {
            io.err().println(secret.warning());
        }
        resolvedPassword = secret.password();
        String tlsProblem = prepareTls();
        if (tlsProblem != null) {
            io.err().println(spec.name() + ": " + tlsProblem);
            return false;
        }
        return true;
    }

    /**
     * With TLS, loads the certificate and makes it this process's default (the tutorial's managers
     * make their own connection managers, which use the default); a one-line problem, or null.
     */
    String prepareTls() {
        if (transport != SipTransportType.TLS) {
            return null;
        }
        try {
            TlsMaterial material = tls.material(null);
            TlsMaterial.setDefault(() -> material);
            return null;
        } catch (TlsSetupException e) {
            return "TLS: " + e.getMessage();
        }
    }
}
