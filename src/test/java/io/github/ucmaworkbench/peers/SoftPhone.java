package io.github.ucmaworkbench.peers;

import io.github.ucmaworkbench.rtc.SipTransportType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A real softphone (linphonec, baresip) run by a test: headless, in its own fresh home directory
 * (so nothing of the developer's own phone setup leaks in, and nothing is left behind), on
 * loopback, with no sound device, driven through its console on stdin. Every line it prints is
 * kept (ANSI colours stripped) and copied to {@code phone.out} in its directory; tests wait for
 * lines, and a failed wait shows the end of the output. Closing it asks the phone to quit (so it
 * signs out), then stops it by its own pid and kills any child it left.
 */
abstract class SoftPhone implements AutoCloseable {
    /** How long a phone gets to sign in, or to show a call state, on a busy machine. */
    static final Duration WAIT = Duration.ofSeconds(15);
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*[A-Za-z]");
    private static final int TAIL_LINES = 120;

    /**
     * The phone's account at our registrar.
     *
     * @param domain     the host part of the phone's address: a name the registrar serves (then
     *                   {@code viaProxy}), or the registrar's own host:port, which needs nothing else
     * @param viaProxy   true: the registrar is the phone's outbound proxy (its domain, example.com,
     *                   resolves nowhere); false: the phone sends to its domain, which is the registrar
     * @param autoAnswer true: the phone answers incoming calls by itself
     */
    record Account(String user, String password, String domain, boolean viaProxy, InetSocketAddress registrar,
            SipTransportType transport, boolean autoAnswer) {
        String aor() {
            return "sip:" + user + "@" + domain;
        }

        /** The digest realm: our registrar's domain, the host part of {@link #domain()}. */
        String realm() {
            int colon = domain.lastIndexOf(':');
            return colon < 0 ? domain : domain.substring(0, colon);
        }

        String transportName() {
            return transport.name().toLowerCase(Locale.ROOT);
        }

        String registrarHostPort() {
            return registrar.getAddress().getHostAddress() + ":" + registrar.getPort();
        }
    }

    private final String name;
    private final Account account;
    private final Process process;
    private final List<String> command;
    private final Path directory;
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;
    private final Writer copy;

    /** Starts {@code command} in {@code directory} with {@code HOME} there and {@code environment} added. */
    protected SoftPhone(String name, Account account, List<String> command, Path directory, Map<String, String> environment)
            throws IOException {
        this.name = name;
        this.account = account;
        this.command = List.copyOf(command);
        this.directory = directory;
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        // A developer's XDG_* variables would lead the phone back to their own data and config.
        builder.environment().put("HOME", directory.toString());
        builder.environment().put("XDG_DATA_HOME", directory.resolve(".local/share").toString());
        builder.environment().put("XDG_CONFIG_HOME", directory.resolve(".config").toString());
        builder.environment().put("XDG_CACHE_HOME", directory.resolve(".cache").toString());
        builder.environment().putAll(environment);
        this.copy = Files.newBufferedWriter(directory.resolve("phone.out"), StandardCharsets.UTF_8);
        try {
            this.process = builder.start();
        } catch (IOException e) {
            copy.close();
            throw e;
        }
        this.reader = new Thread(this::readOutput, name + "-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Common environment: no ALSA device and no PulseAudio server, whatever the machine has. */
    static Map<String, String> withoutSound(Path directory) throws IOException {
        Path emptyAlsaConfig = Files.writeString(directory.resolve("alsa-none.conf"), "# no sound devices in tests\n");
        return Map.of("ALSA_CONFIG_PATH", emptyAlsaConfig.toString(),
                "PULSE_SERVER", "unix:" + directory.resolve("no-pulse-server"),
                "LANG", "C.UTF-8");
    }

    Account account() {
        return account;
    }

    /** The phone's address-of-record, e.g. {@code sip:alice@example.com}. */
    String aor() {
        return account.aor();
    }

    /** Waits until the registrar accepted the phone's REGISTER (digest included). */
    abstract void awaitSignedIn() throws InterruptedException;

    /** Waits until the phone reports that the registrar refused its credentials with 403. */
    abstract void awaitSignInRefused() throws InterruptedException;

    /** Dials {@code uri} (through the registrar, the phone's outbound proxy). */
    abstract void call(String uri) throws IOException;

    /** Waits until an incoming call rings on the phone (one that does not answer by itself). */
    abstract void awaitIncomingCall() throws InterruptedException;

    /** Answers the ringing incoming call, as the person holding the phone would. */
    abstract void answer() throws IOException;

    /** Puts the current call on hold (a re-INVITE whose offer stops the phone's sending). */
    abstract void hold() throws IOException;

    /** Waits until the phone's hold re-INVITE was answered and acknowledged. */
    abstract void awaitHeld() throws InterruptedException;

    /** Takes the current call off hold (another re-INVITE). */
    abstract void resume() throws IOException;

    /** Ends the current call (BYE when connected). */
    abstract void hangUp() throws IOException;

    /** Waits until the callee's 180 Ringing reached the phone. */
    abstract void awaitRinging() throws InterruptedException;

    /** Waits until the current call is up with media negotiated (an answer the phone accepted). */
    abstract void awaitConnected() throws InterruptedException;

    /** Waits until the current call ended after being connected (a BYE either way). */
    abstract void awaitCallEnded() throws InterruptedException;

    /** Waits until the phone's call failed with this final response, code and reason phrase as sent. */
    abstract void awaitCallRejected(int code, String reason) throws InterruptedException;

    /** The console command that makes the phone sign out and exit. */
    protected abstract String quitCommand();

    /** Types one line on the phone's console. */
    protected final void send(String line) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** Waits for a line containing {@code text}. */
    final void awaitText(String what, String text) throws InterruptedException {
        awaitLine(what, line -> line.contains(text), WAIT);
    }

    /** Waits for a line matching {@code regex} anywhere in it. */
    final void awaitMatch(String what, String regex) throws InterruptedException {
        Pattern pattern = Pattern.compile(regex);
        awaitLine(what, line -> pattern.matcher(line).find(), WAIT);
    }

    /**
     * Waits until a line printed since the phone started satisfies {@code wanted}.
     *
     * @throws AssertionError with the end of the phone's output when none does within {@code limit}
     */
    final void awaitLine(String what, Predicate<String> wanted, Duration limit) throws InterruptedException {
        awaitLine(what, wanted, line -> false, limit);
    }

    /**
     * Like {@link #awaitLine(String, Predicate, Duration)}, but gives up at once on a line that
     * says it will never come ({@code hopeless}: the call failed), naming that line.
     */
    final void awaitLine(String what, Predicate<String> wanted, Predicate<String> hopeless, Duration limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        synchronized (lines) {
            int checked = 0;
            while (true) {
                for (; checked < lines.size(); checked++) {
                    String line = lines.get(checked);
                    if (wanted.test(line)) {
                        return;
                    }
                    if (hopeless.test(line)) {
                        throw new AssertionError(name + ": " + what + " will not show, the phone said: " + line + "\n"
                                + report());
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError(name + ": " + what + " did not show within " + limit.toSeconds() + " s "
                            + "(alive: " + process.isAlive() + ")\n" + report());
                }
                TimeUnit.NANOSECONDS.timedWait(lines, left);
            }
        }
    }

    /** True when some line printed so far contains {@code text}. */
    final boolean printed(String text) {
        synchronized (lines) {
            return lines.stream().anyMatch(line -> line.contains(text));
        }
    }

    /** The command line and the last lines the phone printed, for assertion messages. */
    final String report() {
        List<String> tail;
        synchronized (lines) {
            tail = new ArrayList<>(lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
        }
        return "---- " + name + ": $ " + String.join(" ", command) + "\n---- last " + tail.size() + " lines (all in "
                + directory.resolve("phone.out") + ")\n" + String.join("\n", tail) + "\n";
    }

    private void readOutput() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                String clean = ANSI.matcher(line).replaceAll("");
                synchronized (lines) {
                    lines.add(clean);
                    lines.notifyAll();
                }
                synchronized (copy) {
                    copy.write(clean);
                    copy.write('\n');
                }
            }
        } catch (IOException e) {
            // the process ended or was killed: its output is complete
        } finally {
            synchronized (copy) {
                try {
                    copy.close();
                } catch (IOException ignored) {
                    // only a copy for the developer
                }
            }
        }
    }

    /** Quits politely (the phone signs out), then SIGTERM, then SIGKILL; children are killed by their own pids. */
    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        try {
            if (process.isAlive()) {
                try {
                    send(quitCommand());
                } catch (IOException e) {
                    // stdin already closed: go on with the signals
                }
                if (!process.waitFor(3, TimeUnit.SECONDS)) {
                    process.destroy();
                    if (!process.waitFor(3, TimeUnit.SECONDS)) {
                        process.destroyForcibly().waitFor(3, TimeUnit.SECONDS);
                    }
                }
            }
            reader.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            for (ProcessHandle child : children) {
                if (child.isAlive()) {
                    child.destroyForcibly();
                }
            }
        }
    }
}
