package io.github.ucmaworkbench.app.cli;

import io.github.ucmaworkbench.registrar.RegistrarConfig;
import io.github.ucmaworkbench.registrar.RegistrarService;
import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code registrar}: the embedded registrar and proxy alone, for a classroom or a real SIP client. */
@Command(mixinStandardHelpOptions = true, versionProvider = WorkbenchCommand.Version.class,
        name = "registrar", sortOptions = false,
        description = {"Runs the embedded SIP registrar and proxy alone.",
                "Listens on UDP and TCP until Ctrl+C or end of input. Loopback only unless --bind names",
                "another address: then anyone who can reach that address can sign in."})
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
            description = "Properties file of name=password; when given, REGISTER needs digest authentication")
    private Path users;

    @Option(names = "--ignore-stdin",
            description = "Keep running at end of input (for running in the background); stop with Ctrl+C or SIGTERM")
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
        RegistrarConfig config;
        try {
            config = RegistrarConfig.builder().bindAddress(bind).port(port == null ? RegistrarConfig.DEFAULT_PORT : port)
                    .fixedPort(port != null).domain(domain).users(loadUsers()).build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (!bind.isLoopbackAddress()) {
            warnReachable(io, config);
        }
        // The capture is written when the registrar stops: a teacher can hand out the class's calls.
        try (UntilStopped until = new UntilStopped(io, !ignoreStdin);
                AutoCloseable recording = trace.startOrSwitchOff();
                RegistrarService registrar = new RegistrarService(config)) {
            InetSocketAddress address;
            try {
                address = registrar.start();
            } catch (IOException e) {
                io.err().println("registrar: cannot listen: " + e.getMessage());
                return 1;
            }
            io.out().printf("Registrar listening on %s:%d (UDP+TCP), domain %s, %s.%n",
                    address.getAddress().getHostAddress(), address.getPort(), config.getDomain(),
                    config.getUsers().isEmpty() ? "no authentication" : config.getUsers().size() + " user(s) with digest authentication");
            io.out().println("Press Ctrl+C (or end input) to stop.");
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
            io.out().println("Registrar stopping (" + why + ").");
        }
        io.out().println("Registrar stopped.");
        return 0;
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
        Map<String, String> table = new LinkedHashMap<>();
        if (users == null) {
            return table;
        }
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(users, StandardCharsets.UTF_8)) {
            p.load(reader);
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "cannot read --users file " + users + ": " + e.getMessage());
        }
        for (String name : p.stringPropertyNames()) {
            String password = p.getProperty(name);
            if (name.isBlank() || password.isEmpty()) {
                throw new ParameterException(spec.commandLine(),
                        "--users file " + users + ": every line must be name=password ('" + name + "')");
            }
            table.put(name, password);
        }
        if (table.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--users file " + users + " names no users");
        }
        return table;
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
