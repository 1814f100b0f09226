package io.github.ucmaworkbench.tutorial;

/** The client's settings: its own, plus "our server", the SIP URI the INVITE goes to. */
public record ClientSettings(EndpointSettings endpoint, String ourServerUri) {
}
