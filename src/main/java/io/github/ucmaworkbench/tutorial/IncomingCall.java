package io.github.ucmaworkbench.tutorial;

import io.github.ucmaworkbench.rtc.SignalingHeader;
import java.util.List;

/** What the server shows the person deciding on an invite: who calls, and the INVITE's headers. */
public record IncomingCall(String callerUri, List<SignalingHeader> headers) {
}
