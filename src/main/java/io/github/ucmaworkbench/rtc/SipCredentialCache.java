package io.github.ucmaworkbench.rtc;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Credentials per realm, used to answer digest challenges; mirrors UCMA's {@code SipCredentialCache}.
 * The realm {@link #ANY_REALM} ("*") answers every realm that has no entry of its own.
 */
public final class SipCredentialCache {
    /** Matches any realm, for servers whose realm the user does not know in advance. */
    public static final String ANY_REALM = "*";

    private final Map<String, NetworkCredential> credentials = new ConcurrentHashMap<>();

    public void add(String realm, NetworkCredential credential) {
        credentials.put(realm, credential);
    }

    /** The credential for {@code realm}, else the one for {@link #ANY_REALM}, else null. */
    public NetworkCredential getCredential(String realm) {
        NetworkCredential exact = realm == null ? null : credentials.get(realm);
        return exact != null ? exact : credentials.get(ANY_REALM);
    }

    public void remove(String realm) {
        credentials.remove(realm);
    }

    public void clear() {
        credentials.clear();
    }
}
