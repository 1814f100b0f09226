package io.github.ucmaworkbench.peers;

import io.github.ucmaworkbench.testing.FreePorts;
import io.github.ucmaworkbench.testing.RealPeers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * baresip 1.0 (Debian {@code baresip-core}) signed in to our registrar, with its config
 * directory ({@code -f}) inside the test's home. Commands go to its console on stdin through the
 * {@code stdio} and {@code menu} modules ({@code /dial URI}, {@code /hangup}, {@code /quit});
 * {@code -s} prints every SIP message.
 *
 * <p>No sound device: the source is {@code ausine}, which only makes 48 kHz stereo (without
 * {@code ausrc_srate 48000} and {@code ausrc_channels 2} a call that gets audio ends with
 * "start_source failed"), and no player module is loaded at all, so received audio goes nowhere
 * ("audio rx pipeline: (play)"). baresip 1.0 answers only MD5 digest challenges and gives up
 * ("Function not implemented") on a 401 that offers SHA-256 at all, first or second: it needs
 * the registrar's MD5-only mode (the README's {@code --md5-only}).
 */
final class Baresip extends SoftPhone {
    private static final List<Path> MODULE_DIRS = List.of(
            Path.of("/usr/lib/baresip/modules"),
            Path.of("/usr/lib/x86_64-linux-gnu/baresip/modules"),
            Path.of("/usr/lib/aarch64-linux-gnu/baresip/modules"),
            Path.of("/usr/local/lib/baresip/modules"));

    private Baresip(Account account, List<String> command, Path home) throws IOException {
        super("baresip", account, command, home, withoutSound(home));
    }

    /** Writes config and accounts for {@code account} in {@code home} and starts baresip (skips locally / fails in CI without it). */
    static Baresip start(Path home, Account account) throws IOException {
        Path binary = RealPeers.requireBinary("baresip");
        Path modules = MODULE_DIRS.stream().filter(dir -> Files.isRegularFile(dir.resolve("g711.so"))).findFirst()
                .orElseThrow(() -> new AssertionError("baresip's modules (g711.so) were not found in " + MODULE_DIRS));
        Path configDir = Files.createDirectories(home.resolve(".baresip"));
        Files.writeString(configDir.resolve("config"), config(modules, FreePorts.pick()), StandardCharsets.UTF_8);
        Files.writeString(configDir.resolve("accounts"), accountLine(account) + "\n", StandardCharsets.UTF_8);
        return new Baresip(account, List.of(binary.toString(), "-f", configDir.toString(), "-s"), home);
    }

    static String config(Path modules, int sipPort) {
        return String.join("\n",
                "poll_method epoll",
                "sip_listen 127.0.0.1:" + sipPort,
                // media on loopback too: without it the SDP names the first network interface's address
                "net_interface 127.0.0.1",
                "call_local_timeout 120",
                "audio_source ausine,440",
                "ausrc_srate 48000",
                "ausrc_channels 2",
                "module_path " + modules,
                "module g711.so",
                "module ausine.so",
                "module stdio.so",
                "module_tmp account.so",
                "module_app menu.so",
                "");
    }

    /** With a domain that resolves nowhere the registrar is the outbound proxy, so calls go there, not to DNS. */
    static String accountLine(Account account) {
        return "<" + account.aor() + ";transport=" + account.transportName() + ">"
                + ";auth_pass=" + account.password()
                + (account.viaProxy()
                        ? ";outbound=\"sip:" + account.registrarHostPort() + ";transport=" + account.transportName() + "\""
                        : "")
                + ";regint=600"
                + ";audio_codecs=pcmu,pcma"
                + ";answermode=" + (account.autoAnswer() ? "auto" : "manual");
    }

    /** How baresip names the account in its lines: user@host, the port of the domain left out. */
    private String self() {
        return Pattern.quote(account().user() + "@" + account().realm()) + "(?::\\d+)?";
    }

    @Override
    void awaitSignedIn() throws InterruptedException {
        awaitMatch("the sign-in (200 OK)", self() + ": \\{\\d+/[A-Z]+/v4\\} 200 OK");
    }

    @Override
    void awaitSignInRefused() throws InterruptedException {
        awaitText("the refused sign-in (403)", "reg: " + aor() + ": 403 Forbidden");
    }

    @Override
    void call(String uri) throws IOException {
        send("/dial " + uri);
    }

    @Override
    void awaitIncomingCall() throws InterruptedException {
        awaitText("the incoming call", "Incoming call from: ");
    }

    @Override
    void answer() throws IOException {
        send("/accept");
    }

    @Override
    void hold() throws IOException {
        send("/hold");
    }

    /** baresip prints no state for it: the hold is done when its re-INVITE is acknowledged, the call's second ACK. */
    @Override
    void awaitHeld() throws InterruptedException {
        int[] acks = {0};
        awaitLine("the acknowledged hold (a second ACK)", line -> line.startsWith("ACK ") && ++acks[0] == 2, WAIT);
    }

    @Override
    void resume() throws IOException {
        send("/resume");
    }

    @Override
    void hangUp() throws IOException {
        send("/hangup");
    }

    @Override
    void awaitRinging() throws InterruptedException {
        awaitText("the ringing call", "call: SIP Progress: 180 Ringing");
    }

    @Override
    void awaitConnected() throws InterruptedException {
        Pattern established = Pattern.compile(self() + ": Call established: ");
        awaitLine("the established call", line -> established.matcher(line).find(),
                line -> line.contains("session closed:") || line.contains("could not decode SDP"), WAIT);
    }

    /** baresip says "terminate call" when it hangs up, "session closed" when the other side did. */
    @Override
    void awaitCallEnded() throws InterruptedException {
        awaitMatch("the ended call", "^call: terminate call |: session closed: ");
    }

    @Override
    void awaitCallRejected(int code, String reason) throws InterruptedException {
        awaitText("the final response " + code + " " + reason, "session closed: " + code + " " + reason);
    }

    @Override
    protected String quitCommand() {
        return "/quit";
    }
}
