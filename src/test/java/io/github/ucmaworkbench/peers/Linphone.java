package io.github.ucmaworkbench.peers;

import io.github.ucmaworkbench.rtc.SipTransportType;
import io.github.ucmaworkbench.testing.FreePorts;
import io.github.ucmaworkbench.testing.RealPeers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Linphone's console phone ({@code linphonec}, Debian {@code linphone-cli} 5.1) signed in to our
 * registrar. A fresh {@code linphonerc} per run: linphonec rewrites {@code passwd=} into
 * {@code ha1=} after a sign-in, and it opens no SIP port at all unless
 * {@code $HOME/.local/share/linphone} exists. Commands go to its console on stdin ({@code call},
 * {@code terminate}, {@code quit}); {@code -a} answers incoming calls; {@code -d 6} prints its
 * state machine and every SIP message, which is what the tests read.
 *
 * <p>No sound: Linphone 5.1 has no "null" sound card to name in the config; with ALSA given an
 * empty configuration and no PulseAudio server it finds no card, logs "No card defined for
 * playback!" and runs its audio graph on the wall clock, all a call here needs. (ALSA's
 * {@code null} PCM is worse: it returns at once, the ticker follows it, and the console stops
 * answering during a call.)
 */
final class Linphone extends SoftPhone {
    private Linphone(Account account, List<String> command, Path home) throws IOException {
        super("linphonec", account, command, home, withoutSound(home));
    }

    /** Writes a config for {@code account} in {@code home} and starts linphonec (skips locally / fails in CI without it). */
    static Linphone start(Path home, Account account) throws IOException {
        Path binary = RealPeers.requireBinary("linphonec");
        Files.createDirectories(home.resolve(".local/share/linphone"));
        Path config = home.resolve("linphonerc");
        Files.writeString(config, config(account, FreePorts.pick(), FreePorts.pick()), StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of(binary.toString(), "-c", config.toString(), "-d", "6"));
        if (account.autoAnswer()) {
            command.add("-a");
        }
        return new Linphone(account, command, home);
    }

    /**
     * The registrar is the registration server ({@code reg_proxy}); with a domain that resolves
     * nowhere (example.com) it is the outbound route too ({@code reg_route}), or Linphone looks the
     * domain up in DNS to place a call.
     */
    static String config(Account account, int sipPort, int rtpPort) {
        boolean tcp = account.transport() == SipTransportType.TCP;
        String transport = account.transportName();
        String registrar = account.registrarHostPort();
        return String.join("\n",
                "[sip]",
                // 0 switches a transport off (-1 would pick a random port)
                "sip_port=" + (tcp ? 0 : sipPort),
                "sip_tcp_port=" + (tcp ? sipPort : 0),
                "sip_tls_port=0",
                "bind_address=127.0.0.1",
                "use_ipv6=0",
                "default_proxy=0",
                "inc_timeout=60",
                "[rtp]",
                "audio_rtp_port=" + rtpPort,
                "[video]",
                "capture=0",
                "display=0",
                "automatically_initiate=0",
                "automatically_accept=0",
                "[sound]",
                "echocancellation=0",
                "[proxy_0]",
                "reg_proxy=<sip:" + registrar + ";transport=" + transport + ">",
                account.viaProxy() ? "reg_route=<sip:" + registrar + ";transport=" + transport + ";lr>" : "",
                "reg_identity=" + account.aor(),
                "reg_expires=600",
                "reg_sendregister=1",
                "publish=0",
                "[auth_info_0]",
                "username=" + account.user(),
                "passwd=" + account.password(),
                "realm=" + account.realm(),
                "domain=" + account.domain(),
                "");
    }

    @Override
    void awaitSignedIn() throws InterruptedException {
        awaitText("the sign-in", "to [LinphoneRegistrationOk]");
    }

    @Override
    void awaitSignInRefused() throws InterruptedException {
        awaitText("the refused sign-in (403)", "Register refresher [403] reason [Forbidden]");
        awaitText("the failed registration state", "to [LinphoneRegistrationFailed]");
    }

    @Override
    void call(String uri) throws IOException {
        send("call " + uri);
    }

    @Override
    void awaitIncomingCall() throws InterruptedException {
        awaitText("the incoming call", "to LinphoneCallIncomingReceived");
    }

    @Override
    void answer() throws IOException {
        send("answer");
    }

    @Override
    void hold() throws IOException {
        send("pause");
    }

    /** "Paused" alone: "PausedByRemote" is the server's inactive answer, not our hold. */
    @Override
    void awaitHeld() throws InterruptedException {
        awaitMatch("the held call (Paused)", "to LinphoneCallPaused$");
    }

    @Override
    void resume() throws IOException {
        send("resume");
    }

    @Override
    void hangUp() throws IOException {
        send("terminate");
    }

    @Override
    void awaitRinging() throws InterruptedException {
        awaitText("the ringing call", "to LinphoneCallOutgoingRinging");
    }

    /**
     * After "connected" Linphone still checks the answer; the state after that says it took it:
     * StreamsRunning, or PausedByRemote for an {@code a=inactive} answer such as our server's
     * (the phone shows "paused by" the server: the call is up, no audio flows, and no RTP
     * timeout applies).
     */
    @Override
    void awaitConnected() throws InterruptedException {
        awaitLine("the connected call (StreamsRunning or PausedByRemote)",
                line -> line.contains("to LinphoneCallStreamsRunning") || line.contains("to LinphoneCallPausedByRemote"),
                line -> line.contains("to LinphoneCallError") || line.contains("to LinphoneCallEnd")
                        || line.contains("Incompatible SDP"), WAIT);
    }

    @Override
    void awaitCallEnded() throws InterruptedException {
        awaitText("the ended call", "to LinphoneCallEnd");
    }

    @Override
    void awaitCallRejected(int code, String reason) throws InterruptedException {
        awaitText("the final response " + code + " " + reason, "SIP/2.0 " + code + " " + reason);
        awaitText("the failed call", "to LinphoneCallError");
    }

    @Override
    protected String quitCommand() {
        return "quit";
    }
}
