package io.github.ucmaworkbench.rtc;

/** Which authentication an endpoint may answer; mirrors UCMA's {@code SipAuthenticationProtocols} (NTLM and Kerberos have no meaning off Windows). */
public enum SipAuthenticationProtocols {
    NONE,
    DIGEST
}
