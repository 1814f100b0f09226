package io.github.ucmaworkbench.registrar;

import io.github.ucmaworkbench.sip.tls.TlsSource;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Immutable settings of the embedded registrar + proxy that stands in for Office Communications
 * Server. Build one with {@link #builder()}; {@link #defaults()} is loopback, port 5060 (or the next
 * free one), domain {@code example.com}, no authentication.
 *
 * <p>Expiry bounds follow RFC 3261 §10.3 step 7: a requested interval below {@code minExpires}
 * (other than 0) is refused with 423, one above {@code maxExpires} is shortened to it, and a
 * REGISTER that names no interval gets {@code defaultExpires}.
 */
public final class RegistrarConfig {
    /** The standard SIP port, RFC 3261 §19.1.2. */
    public static final int DEFAULT_PORT = 5060;
    /** How many ports above the configured one {@code start()} tries when it is taken. */
    public static final int PORT_ATTEMPTS = 20;

    private final InetAddress bindAddress;
    private final int port;
    private final boolean fixedPort;
    private final String domain;
    private final Map<String, String> users;
    private final int minExpires;
    private final int maxExpires;
    private final int defaultExpires;
    private final boolean authenticateCalls;
    private final List<String> digestAlgorithms;
    private final long nonceLifetimeMillis;
    private final int branchT1Millis;
    private final int authFailureLimit;
    private final long authFailureWindowMillis;
    private final int maxContactsPerAor;
    private final int maxBindings;
    private final int maxPendingTransactions;
    private final TlsSource tls;
    private final int tlsPort;

    private RegistrarConfig(Builder b) {
        this.bindAddress = b.bindAddress;
        this.port = b.port;
        this.fixedPort = b.fixedPort;
        this.domain = b.domain;
        this.users = Collections.unmodifiableMap(new LinkedHashMap<>(b.users));
        this.minExpires = b.minExpires;
        this.maxExpires = b.maxExpires;
        this.defaultExpires = b.defaultExpires;
        this.authenticateCalls = b.authenticateCalls;
        this.digestAlgorithms = List.copyOf(b.digestAlgorithms);
        this.nonceLifetimeMillis = b.nonceLifetimeMillis;
        this.branchT1Millis = b.branchT1Millis;
        this.authFailureLimit = b.authFailureLimit;
        this.authFailureWindowMillis = b.authFailureWindowMillis;
        this.maxContactsPerAor = b.maxContactsPerAor;
        this.maxBindings = b.maxBindings;
        this.maxPendingTransactions = b.maxPendingTransactions;
        this.tls = b.tls;
        this.tlsPort = b.tlsPort;
    }

    /** Loopback, port 5060 (next free if taken), domain example.com, no authentication. */
    public static RegistrarConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this configuration. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.bindAddress = bindAddress;
        b.port = port;
        b.fixedPort = fixedPort;
        b.domain = domain;
        b.users = new LinkedHashMap<>(users);
        b.minExpires = minExpires;
        b.maxExpires = maxExpires;
        b.defaultExpires = defaultExpires;
        b.authenticateCalls = authenticateCalls;
        b.digestAlgorithms = digestAlgorithms;
        b.nonceLifetimeMillis = nonceLifetimeMillis;
        b.branchT1Millis = branchT1Millis;
        b.authFailureLimit = authFailureLimit;
        b.authFailureWindowMillis = authFailureWindowMillis;
        b.maxContactsPerAor = maxContactsPerAor;
        b.maxBindings = maxBindings;
        b.maxPendingTransactions = maxPendingTransactions;
        b.tls = tls;
        b.tlsPort = tlsPort;
        return b;
    }

    /** The address to listen on; loopback unless a classroom server binds the LAN. */
    public InetAddress getBindAddress() {
        return bindAddress;
    }

    /** The port to listen on (UDP and TCP); 0 means any free port. */
    public int getPort() {
        return port;
    }

    /** True: fail when {@link #getPort()} is taken; false: try the next free ports. */
    public boolean isFixedPort() {
        return fixedPort;
    }

    /** The SIP domain served: the host part of every address-of-record, and the digest realm. */
    public String getDomain() {
        return domain;
    }

    /** User name to password for digest authentication (SHA-256 or MD5); empty means no authentication. */
    public Map<String, String> getUsers() {
        return users;
    }

    public int getMinExpires() {
        return minExpires;
    }

    public int getMaxExpires() {
        return maxExpires;
    }

    public int getDefaultExpires() {
        return defaultExpires;
    }

    /**
     * True: an out-of-dialog INVITE from a source with no registered contact of its From user is
     * challenged (407, RFC 3261 §22.3) when users are configured. Off by default.
     */
    public boolean isAuthenticateCalls() {
        return authenticateCalls;
    }

    /**
     * The digest algorithms challenged with and accepted, in the order offered: by default
     * SHA-256 then MD5 (RFC 8760 §2.4). Some older clients (SIPp 3.6 among them) answer only the
     * first challenge and know only MD5; for them a registrar can offer MD5 alone.
     */
    public List<String> getDigestAlgorithms() {
        return digestAlgorithms;
    }

    /** How long a digest nonce is good for; older ones earn a {@code stale=true} challenge. */
    public long getNonceLifetimeMillis() {
        return nonceLifetimeMillis;
    }

    /**
     * T1 of the requests the proxy forwards (RFC 3261 §17.1.1.1, 500 ms): Timer B/F, after which a
     * contact that never answered is dropped, are 64 times it.
     */
    public int getBranchT1Millis() {
        return branchT1Millis;
    }

    /** Failed sign-ins a source may have within {@link #getAuthFailureWindowMillis()} before it is refused. */
    public int getAuthFailureLimit() {
        return authFailureLimit;
    }

    public long getAuthFailureWindowMillis() {
        return authFailureWindowMillis;
    }

    /** Contacts one address-of-record may have bound at once (more: 403). */
    public int getMaxContactsPerAor() {
        return maxContactsPerAor;
    }

    /** Bindings of all users together (more: 503 with Retry-After). */
    public int getMaxBindings() {
        return maxBindings;
    }

    /** What one proxied INVITE keeps while its callee has not answered: both transactions, the forwarded copy, the context (measured: 12.9 KB). */
    static final long PENDING_BYTES = 13 * 1024;

    /**
     * The bound on pending requests by default: a quarter of the heap, ~10,000 with the
     * launcher's 512 MB. The bound is there for callees that never answer (each is pending for
     * Timer C); a fixed 2,000 also refused calls at 4,000/s whenever a live callee fell half a
     * second behind.
     */
    static int defaultMaxPendingTransactions(long maxHeapBytes) {
        return (int) Math.max(1_000, Math.min(100_000, maxHeapBytes / 4 / PENDING_BYTES));
    }

    /** Proxied requests waiting for their final response at once (more: 503 with Retry-After). */
    public int getMaxPendingTransactions() {
        return maxPendingTransactions;
    }

    /** True when the registrar listens on TLS as well. */
    public boolean isTlsEnabled() {
        return tls != null;
    }

    /** The certificate and trust for TLS, or null without TLS. */
    public TlsSource getTls() {
        return tls;
    }

    /** The TLS port; 0 means the SIP port + 1 (5061 beside 5060, RFC 3261 §19.1.2's pair). */
    public int getTlsPort() {
        return tlsPort;
    }

    @Override
    public String toString() {
        return "RegistrarConfig[" + bindAddress.getHostAddress() + ":" + port + (fixedPort ? " fixed" : "")
                + (tls == null ? "" : ", tls " + (tlsPort == 0 ? "port+1" : tlsPort))
                + ", domain=" + domain + ", users=" + users.keySet() + ", expires=" + minExpires + ".."
                + maxExpires + " default " + defaultExpires + (authenticateCalls ? ", calls authenticated" : "")
                + ", limits " + maxContactsPerAor + "/AOR " + maxBindings + " bindings " + maxPendingTransactions
                + " pending, " + authFailureLimit + " failures/" + authFailureWindowMillis / 1000 + " s]";
    }

    /** Builds a {@link RegistrarConfig}; every setter validates at {@link #build()}. */
    public static final class Builder {
        private InetAddress bindAddress = InetAddress.getLoopbackAddress();
        private int port = DEFAULT_PORT;
        private boolean fixedPort;
        private String domain = "example.com";
        private Map<String, String> users = new LinkedHashMap<>();
        private int minExpires = 1;
        private int maxExpires = 3600;
        private int defaultExpires = 3600;
        private boolean authenticateCalls;
        private List<String> digestAlgorithms = List.of("SHA-256", "MD5");
        private long nonceLifetimeMillis = 5 * 60_000L;
        private int branchT1Millis = 500;
        private int authFailureLimit = 10;
        private long authFailureWindowMillis = 60_000L;
        private int maxContactsPerAor = 10;
        private int maxBindings = 5_000;
        private int maxPendingTransactions = defaultMaxPendingTransactions(Runtime.getRuntime().maxMemory());
        private TlsSource tls;
        private int tlsPort;

        private Builder() {
        }

        /** Listens on TLS too, presenting and trusting what {@code source} gives (null: no TLS). */
        public Builder tls(TlsSource source) {
            this.tls = source;
            return this;
        }

        /** The TLS port; 0 (the default) is the SIP port + 1. */
        public Builder tlsPort(int port) {
            this.tlsPort = port;
            return this;
        }

        public Builder bindAddress(InetAddress address) {
            this.bindAddress = Objects.requireNonNull(address, "bindAddress");
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder fixedPort(boolean fixed) {
            this.fixedPort = fixed;
            return this;
        }

        public Builder domain(String domain) {
            this.domain = Objects.requireNonNull(domain, "domain");
            return this;
        }

        /** Replaces the user table (user name to password). */
        public Builder users(Map<String, String> users) {
            this.users = new LinkedHashMap<>(Objects.requireNonNull(users, "users"));
            return this;
        }

        /** Adds one user that must authenticate with this password. */
        public Builder user(String name, String password) {
            this.users.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(password, "password"));
            return this;
        }

        public Builder minExpires(int seconds) {
            this.minExpires = seconds;
            return this;
        }

        public Builder maxExpires(int seconds) {
            this.maxExpires = seconds;
            return this;
        }

        public Builder defaultExpires(int seconds) {
            this.defaultExpires = seconds;
            return this;
        }

        /** Challenge INVITEs from unregistered sources with 407 (needs users). */
        public Builder authenticateCalls(boolean on) {
            this.authenticateCalls = on;
            return this;
        }

        /** The digest algorithms to offer, most preferred first: "SHA-256", "MD5" or both. */
        public Builder digestAlgorithms(String... algorithms) {
            this.digestAlgorithms = List.of(algorithms);
            return this;
        }

        /** T1 for forwarded requests (500 ms by default; a LAN or a test may use less, §17.1.1.1). */
        public Builder branchT1(Duration t1) {
            this.branchT1Millis = (int) Math.min(Integer.MAX_VALUE, t1.toMillis());
            return this;
        }

        public Builder nonceLifetime(Duration lifetime) {
            this.nonceLifetimeMillis = lifetime.toMillis();
            return this;
        }

        /** After {@code failures} failed sign-ins within {@code window} a source is refused until the window ends. */
        public Builder authFailureLimit(int failures, Duration window) {
            this.authFailureLimit = failures;
            this.authFailureWindowMillis = window.toMillis();
            return this;
        }

        public Builder maxContactsPerAor(int max) {
            this.maxContactsPerAor = max;
            return this;
        }

        public Builder maxBindings(int max) {
            this.maxBindings = max;
            return this;
        }

        public Builder maxPendingTransactions(int max) {
            this.maxPendingTransactions = max;
            return this;
        }

        public RegistrarConfig build() {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535: " + port);
            }
            if (tlsPort < 0 || tlsPort > 65535 || (tlsPort != 0 && tlsPort == port)) {
                throw new IllegalArgumentException("TLS port must be 0 (SIP port + 1) or 1..65535 and not the SIP port: " + tlsPort);
            }
            if (domain.isBlank() || domain.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("domain must be a host name: '" + domain + "'");
            }
            if (minExpires < 1 || maxExpires < minExpires) {
                throw new IllegalArgumentException(
                        "need 1 <= minExpires <= maxExpires: " + minExpires + ", " + maxExpires);
            }
            if (defaultExpires < 1) {
                throw new IllegalArgumentException("defaultExpires must be positive: " + defaultExpires);
            }
            if (digestAlgorithms.isEmpty() || digestAlgorithms.size() != new HashSet<>(digestAlgorithms).size()
                    || !List.of("SHA-256", "MD5").containsAll(digestAlgorithms)) {
                throw new IllegalArgumentException("digest algorithms must be SHA-256 and/or MD5: " + digestAlgorithms);
            }
            if (branchT1Millis < 1 || branchT1Millis > 500) {
                throw new IllegalArgumentException("branch T1 must be 1-500 ms: " + branchT1Millis);
            }
            if (nonceLifetimeMillis < 1 || authFailureWindowMillis < 1) {
                throw new IllegalArgumentException("nonce lifetime and failure window must be positive");
            }
            if (authFailureLimit < 1 || maxContactsPerAor < 1 || maxBindings < 1 || maxPendingTransactions < 1) {
                throw new IllegalArgumentException("limits must be at least 1: failures " + authFailureLimit
                        + ", contacts " + maxContactsPerAor + ", bindings " + maxBindings + ", pending " + maxPendingTransactions);
            }
            return new RegistrarConfig(this);
        }
    }
}
