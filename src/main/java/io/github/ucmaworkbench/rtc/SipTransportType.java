package io.github.ucmaworkbench.rtc;

/** The transport an endpoint uses; mirrors UCMA's {@code SipTransportType} (UDP is our addition for real SIP servers; TLS uses the connection manager's
 * {@link RealTimeConnectionManager#setTlsMaterial certificate}, by default the workbench's own). */
public enum SipTransportType {
    TCP(5060),
    UDP(5060),
    TLS(5061);

    private final int defaultPort;

    SipTransportType(int defaultPort) {
        this.defaultPort = defaultPort;
    }

    /** The port a server port of 0 stands for. */
    public int getDefaultPort() {
        return defaultPort;
    }
}
