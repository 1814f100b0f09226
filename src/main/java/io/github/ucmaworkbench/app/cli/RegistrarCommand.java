package io.github.ucmaworkbench.app.cli;

import io.github.ucmaworkbench.registrar.RegistrarConfig;
import io.github.ucmaworkbench.registrar.RegistrarService;
import io.github.ucmaworkbench.settings.UsersFile;
import io.github.ucmaworkbench.sip.tls.TlsMaterial;
import io.github.ucmaworkbench.sip.tls.TlsSetupException;
import io.github.ucmaworkbench.sip.tls.TlsSource;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code registrar}: the embedded registrar and proxy alone, for a classroom or a real SIP client. */
@Command(mixinStandardHelpOptions = true, versionProvider = WorkbenchCommand.Version.class,
        name = "registrar", sortOptions = false,
        description = {"Runs the embedded SIP registrar and proxy alone.",
                "Listens on UDP and TCP (and TLS with --tls) until Ctrl+C or SIGTERM. Loopback only unless --bind names",
                "another address: then anyone who can reach that address can sign in.",
                StopRule.TEXT})
final class RegistrarCommand implements Callable<Integer> {
    @ParentCommand
    private WorkbenchCommand parent;

    @Spec
    private CommandSpec spec;

    @Option(names = "--bind", paramLabel = "ADDR", converter = AddressConverter.class,
            description = "Address to listen on (default: 127.0.0.1). A LAN address makes this a classroom registrar.")
    private InetAddress bind = InetAddress.getLoopbackAddress();

    @Option(names = "--port", paramLabel = "N",
            description = "Port to listen on; fails if taken (default: 5060, or the next free port)")
    private Integer port;

    @Option(names = "--domain", paramLabel = "D", defaultValue = "example.com",
            description = "SIP domain served (default: ${DEFAULT-VALUE})")
    private String domain;

    @Option(names = "--users", paramLabel = "FILE",
            description = {"File of name=password lines (# comments); when given, REGISTER needs digest",
                    "authentication (SHA-256 or MD5) and repeated failures from one address are refused for a minute"})
    private Path users;

    @Option(names = "--md5-only",
            description = "With --users: offer only MD5 digest, for old clients that cannot skip a SHA-256 challenge")
    private boolean md5Only;

    @Option(names = "--authenticate-calls",
            description = "With --users: challenge INVITEs (407) from callers that are not signed in")
    private boolean authenticateCalls;
    @Option(names = "--tls", description = "Listen on TLS too, on the next port (5061 beside 5060) unless --tls-port says")
    private boolean tls;

    @Option(names = "--tls-port", paramLabel = "N", description = "TLS port (with --tls; default: the SIP port + 1)")
    private Integer tlsPort;

    @Mixin
    private TlsOptions tlsOptions;

    @Option(names = "--ignore-stdin",
            description = StopRule.IGNORE_STDIN)
    private boolean ignoreStdin;

    @Mixin
    private TraceOptions trace;

    @Override
    public Integer call() throws Exception {
        CliIo io = parent.io();
        if (trace.problem() != null) {
            throw new ParameterException(spec.commandLine(), trace.problem());
        }
        if (port != null && (port < 1 || port > 65535)) {
            throw new ParameterException(spec.commandLine(), "--port must be 1-65535, not " + port);
        }
        String tlsProblem = tlsOptions.problem(tls);
        if (tlsProblem == null && tlsPort != null && (!tls || tlsPort < 1 || tlsPort > 65535)) {
            tlsProblem = tls ? "--tls-port must be 1-65535, not " + tlsPort : "--tls-port goes with --tls";
        }
        if (tlsProblem != null) {
            throw new ParameterException(spec.commandLine(), tlsProblem);
        }
        RegistrarConfig config;
        try {
            config = RegistrarConfig.builder().bindAddress(bind).port(port == null ? RegistrarConfig.DEFAULT_PORT : port)
                    .fixedPort(port != null).domain(domain).users(loadUsers()).authenticateCalls(authenticateCalls)
                    .digestAlgorithms(md5Only ? new String[] {"MD5"} : new String[] {"SHA-256", "MD5"})
                    .tlsPort(tlsPort == null ? 0 : tlsPort).build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (authenticateCalls && config.getUsers().isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--authenticate-calls needs a --users file");
        }
        TlsMaterial certificate = null;
        if (tls) {
            try {
                certificate = tlsOptions.material(bind);
            } catch (TlsSetupException e) {
                io.err().println("registrar: TLS: " + e.getMessage());
                return 1;
            }
            config = config.toBuilder().tls(TlsSource.of(certificate)).build();
        }
        if (!bind.isLoopbackAddress()) {
            warnReachable(io, config);
        }
        // The capture is written when the registrar stops: a teacher can hand out the class's calls.
        // UntilStopped is closed last: on SIGTERM the JVM halts as soon as it is released.
        try (UntilStopped until = new UntilStopped(io, !ignoreStdin); IdleHeapRelease heap = IdleHeapRelease.start()) {
            try (AutoCloseable recording = trace.startOrSwitchOff();
                    RegistrarService registrar = new RegistrarService(config)) {
                InetSocketAddress address;
                try {
                    address = registrar.start();
                } catch (IOException e) {
                    io.err().println("registrar: cannot listen: " + e.getMessage());
                    return 1;
                }
                InetSocketAddress tlsAddress = registrar.getTlsAddress();
                io.out().printf(Locale.ROOT, "Registrar listening on %s:%d (UDP+TCP)%s, domain %s, %s.%n",
                        address.getAddress().getHostAddress(), address.getPort(),
                        tlsAddress == null ? "" : " and " + tlsAddress.getPort() + " (TLS)", config.getDomain(),
                        config.getUsers().isEmpty() ? "no authentication" : config.getUsers().size() + " user(s) with digest authentication");
                if (certificate != null) {
                    io.out().println("TLS certificate: " + certificate);
                }
                io.out().println("Ready; " + until.howToStop() + ".");
                io.out().flush();
                int[] last = {-1};
                AutoCloseable watch = registrar.addListener(() -> {
                    int count = registrar.getRegisteredUserCount();
                    synchronized (last) {
                        if (count != last[0]) {
                            last[0] = count;
                            io.out().println("Signed-in users: " + count);
                        }
                    }
                });
                String why = until.await();
                watch.close();
                if (!config.getUsers().isEmpty()) {
                    io.out().println("Failed sign-ins: " + registrar.getAuthFailureCount() + " (requests refused for"
                            + " too many failures: " + registrar.getRefusedForFailuresCount() + ")");
                }
                io.out().println("Registrar stopping (" + why + ").");
            }
            io.out().println("Registrar stopped.");
            io.out().flush();
            return 0;
        }
    }

    private static void warnReachable(CliIo io, RegistrarConfig config) {
        String where = config.getBindAddress().getHostAddress();
        io.err().println("WARNING: the registrar is bound to " + where + ", not to loopback.");
        io.err().println("WARNING: anyone who can reach " + where + " can sign in and place calls through it"
                + (config.getUsers().isEmpty() ? " (no --users file: no authentication)." : "."));
        io.err().println("WARNING: use this on a classroom network you trust; stop it when the class ends.");
        io.err().flush();
    }

    private Map<String, String> loadUsers() {
        if (users == null) {
            return new LinkedHashMap<>();
        }
        try {
            return UsersFile.load(users);
        } catch (UsersFile.Problem e) {
            throw new ParameterException(spec.commandLine(), "--users file " + e.getMessage());
        }
    }

    /** An IP address or host name that resolves. */
    static final class AddressConverter implements ITypeConverter<InetAddress> {
        @Override
        public InetAddress convert(String value) {
            try {
                return InetAddress.getByName(value.trim());
            } catch (UnknownHostException e) {
                throw new TypeConversionException("unknown address '" + value + "'");
            }
        }
    }
}
