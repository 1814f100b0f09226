package io.github.ucmaworkbench.app;

import static io.github.ucmaworkbench.trace.ladder.MessageClue.Kind.request;
import static io.github.ucmaworkbench.trace.ladder.MessageClue.Kind.response;

import io.github.ucmaworkbench.trace.ladder.MessageClue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which SIP message a progress-log line of the tutorial managers reports, so a click on the line
 * selects that message's arrow: "Invite arrived…" the INVITE the server received, "Sending an
 * invite…" the INVITE the client sent next, "Signed in successfully (200 OK)" the 200 the party
 * received. The wording is the managers' own (tutorial package); a line none of these describe but
 * that names a status code ("Error Code=486", a student's own line) finds the latest response
 * with that code. Lines about no message ("Listening on…") find nothing.
 */
final class LogLineClues {
    private static final int FAILURE_LOWEST = 300;
    private static final int FAILURE_HIGHEST = 699;

    /** First match wins, so the narrower wordings come before the broader ones. */
    private static final Map<Pattern, MessageClue> RULES = new LinkedHashMap<>();

    static {
        // signing in and out (parts 3, 4)
        rule("^Signing in as ", MessageClue.sent(true, request("REGISTER")));
        rule("^Signing out\\.", MessageClue.sent(true, request("REGISTER")));
        rule("^Signing in timed out", MessageClue.sent(false, request("REGISTER")));
        rule("^(Signed in|Signing in failed: the server|Signed out)", MessageClue.received(response("REGISTER")));
        // the caller's invite (part 5)
        rule("^Sending an invite", MessageClue.sent(true, request("INVITE")));
        rule("^The callee is ringing", MessageClue.received(response("INVITE", 100, 199)));
        // the client's 200 OK, the server's ACK: each side's last word of the INVITE handshake
        rule("^Session established", MessageClue.received(response("INVITE", 200, 299), request("ACK")));
        rule("^The invite (timed out|failed: no connection)", MessageClue.sent(false, request("INVITE")));
        rule("^The invite (was refused|failed)", MessageClue.received(response("INVITE", FAILURE_LOWEST, FAILURE_HIGHEST)));
        // the server's side of it (part 6)
        rule("^(Invite arrived|Asking whether to accept|Not answering this invite|Nobody decided)",
                MessageClue.received(request("INVITE")));
        rule("^The invite was rejected with", MessageClue.sent(false, response("INVITE", FAILURE_LOWEST, FAILURE_HIGHEST)));
        rule("^An invite was refused", MessageClue.sent(false, response("INVITE", FAILURE_LOWEST, FAILURE_HIGHEST)));
        rule("^Accepting failed", MessageClue.sent(false, response("INVITE", 200, 299)));
        rule("^(Too late: the caller gave up|The question is withdrawn)", MessageClue.received(request("CANCEL"), request("BYE")));
        // ending the session (parts 7-9)
        rule("^Ending the (open )?session", MessageClue.sent(true, request("BYE"), request("CANCEL")));
        rule("^The session was ended", MessageClue.received(response("BYE"), response("CANCEL")));
        rule("closed by the other side", MessageClue.received(request("BYE"), request("CANCEL")));
        rule("(put the call on hold|resumed the call)", MessageClue.received(request("INVITE"), request("UPDATE")));
        rule("^UPDATE received", MessageClue.received(request("UPDATE")));
        rule("^INFO received", MessageClue.received(request("INFO")));
        // messages (part 11)
        rule("^Sending the message", MessageClue.sent(true, request("MESSAGE")));
        rule("^The message was not delivered: it timed out", MessageClue.sent(false, request("MESSAGE")));
        rule("^The message was (delivered|not delivered)", MessageClue.received(response("MESSAGE")));
        rule("^Message received", MessageClue.received(request("MESSAGE")));
    }

    private LogLineClues() {
    }

    private static void rule(String regex, MessageClue clue) {
        RULES.put(Pattern.compile(regex), clue);
    }

    /** The message {@code line} reports, narrowed to the status code it names; null when it reports none. */
    static MessageClue clueFor(String line) {
        int code = WireLinks.codeIn(line);
        for (Map.Entry<Pattern, MessageClue> rule : RULES.entrySet()) {
            if (rule.getKey().matcher(line).find()) {
                return rule.getValue().withStatus(code);
            }
        }
        if (code == 0) {
            return null;
        }
        return MessageClue.either(MessageClue.Kind.anyResponse()).withStatus(code);
    }
}
