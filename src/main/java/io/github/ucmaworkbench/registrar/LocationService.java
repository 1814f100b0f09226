package io.github.ucmaworkbench.registrar;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import javax.sip.PeerUnavailableException;
import javax.sip.SipFactory;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The location service of RFC 3261 §10.2/§16.5: for each address-of-record ({@code user@domain}) the
 * contacts currently bound to it, each with its own expiry. Expired bindings vanish: lookups never
 * return them and the registrar purges them periodically (which also fires the listeners).
 *
 * <p>Thread-safe: every method may be called from any thread. Listeners run on the registrar's
 * notification thread, never on the caller's.
 */
public final class LocationService {
    private static final Logger LOG = LoggerFactory.getLogger(LocationService.class);

    private final Map<String, Map<String, Binding>> bindings = new HashMap<>();
    /** AORs that were ever registered (or are configured users): 480 rather than 404 when offline. */
    private final Set<String> known = new HashSet<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final Executor notifier;
    private Set<String> lastReported = Set.of();

    LocationService(Executor notifier) {
        this.notifier = notifier;
    }

    /** The canonical AOR: the user part as given (case matters, §19.1.4), the domain in lower case. */
    public static String aorOf(String user, String domain) {
        return user + "@" + domain.toLowerCase(Locale.ROOT);
    }

    /** Live bindings of an AOR, oldest contact first; empty when none. */
    public synchronized List<Binding> getBindings(String aor) {
        Map<String, Binding> map = bindings.get(aor);
        if (map == null) {
            return List.of();
        }
        List<Binding> live = new ArrayList<>();
        for (Binding b : map.values()) {
            if (!b.isExpired()) {
                live.add(b);
            }
        }
        return Collections.unmodifiableList(live);
    }

    /** True when the AOR was registered at some point (or is a configured user). */
    public synchronized boolean isKnown(String aor) {
        return known.contains(aor);
    }

    /** AORs that have at least one live binding, sorted. */
    public synchronized Set<String> getRegisteredUsers() {
        Set<String> users = new TreeSet<>();
        for (Map.Entry<String, Map<String, Binding>> e : bindings.entrySet()) {
            if (e.getValue().values().stream().anyMatch(b -> !b.isExpired())) {
                users.add(e.getKey());
            }
        }
        return users;
    }

    public int getRegisteredUserCount() {
        return getRegisteredUsers().size();
    }

    /**
     * Binds a contact to an AOR without a REGISTER: a hook for tests and for peers that cannot
     * register (e.g. a SIPp UAS on a known port).
     *
     * @param aor        {@code user@domain}
     * @param contactUri a SIP URI, e.g. {@code sip:uas@127.0.0.1:5090;transport=udp}
     * @param expiresSeconds how long the binding lives
     * @throws IllegalArgumentException when {@code contactUri} is not a SIP URI
     */
    public Binding bind(String aor, String contactUri, int expiresSeconds) {
        SipURI uri;
        try {
            AddressFactory af = SipFactory.getInstance().createAddressFactory();
            URI parsed = af.createURI(contactUri);
            if (!(parsed instanceof SipURI)) {
                throw new IllegalArgumentException("not a SIP URI: " + contactUri);
            }
            uri = (SipURI) parsed;
        } catch (ParseException | PeerUnavailableException e) {
            throw new IllegalArgumentException("not a SIP URI: " + contactUri, e);
        }
        String transport = uri.getTransportParam() == null ? "UDP" : uri.getTransportParam().toUpperCase(Locale.ROOT);
        Binding b = new Binding(aor, contactUri, keyOf(uri), "manual", 0, transport, expiresSeconds);
        update(aor, false, List.of(b), List.of());
        return b;
    }

    /**
     * Removes this very binding (not a later refresh of the same contact); true when it was still
     * bound, so the caller reports the removal once however many requests failed on it.
     */
    boolean drop(Binding binding) {
        boolean removed;
        boolean changed = false;
        synchronized (this) {
            Map<String, Binding> map = bindings.get(binding.getAor());
            removed = map != null && map.remove(binding.key(), binding);
            if (removed) {
                if (map.isEmpty()) {
                    bindings.remove(binding.getAor());
                }
                changed = noteChange();
            }
        }
        fireIf(changed);
        return removed;
    }

    /** Removes every binding of an AOR (the AOR stays known). */
    public void unbindAll(String aor) {
        update(aor, true, List.of(), List.of());
    }

    /**
     * Registers a listener fired whenever the set of registered AORs changes (a user signs in or
     * out, or a binding lapses). Close the handle to remove it.
     */
    public AutoCloseable addListener(Runnable onBindingsChanged) {
        listeners.add(onBindingsChanged);
        return () -> listeners.remove(onBindingsChanged);
    }

    synchronized void markKnown(String aor) {
        known.add(aor);
    }

    /** The binding of this AOR whose contact has this key, expired or not. */
    synchronized Binding find(String aor, String key) {
        Map<String, Binding> map = bindings.get(aor);
        return map == null ? null : map.get(key);
    }

    /** A REGISTER that would bind more contacts than the registrar allows. */
    static final class LimitExceeded extends Exception {
        private final boolean perAor;

        LimitExceeded(boolean perAor, String message) {
            super(message, null, false, false);
            this.perAor = perAor;
        }

        /** True: this AOR has too many contacts; false: the registrar as a whole is full. */
        boolean isPerAor() {
            return perAor;
        }
    }

    /**
     * Applies one REGISTER atomically: optionally drops everything, then puts the refreshed bindings
     * and removes the listed keys. Returns the live bindings afterwards.
     */
    List<Binding> update(String aor, boolean removeAll, List<Binding> put, List<String> removeKeys) {
        try {
            return update(aor, removeAll, put, removeKeys, Integer.MAX_VALUE, Integer.MAX_VALUE);
        } catch (LimitExceeded e) {
            throw new IllegalStateException("unbounded update refused", e);
        }
    }

    /**
     * Like {@link #update(String, boolean, List, List)}, refused (and nothing changed) when it would
     * leave the AOR with more than {@code maxPerAor} contacts, or all AORs together with more than
     * {@code maxTotal}. Refreshing or removing bindings is never refused: only growth counts.
     */
    List<Binding> update(String aor, boolean removeAll, List<Binding> put, List<String> removeKeys, int maxPerAor,
            int maxTotal) throws LimitExceeded {
        boolean changed;
        List<Binding> current;
        synchronized (this) {
            Map<String, Binding> existing = bindings.getOrDefault(aor, Map.of());
            Set<String> after = new HashSet<>();
            if (!removeAll) {
                existing.forEach((key, b) -> {
                    if (!b.isExpired()) {
                        after.add(key);
                    }
                });
            }
            removeKeys.forEach(after::remove);
            put.forEach(b -> after.add(b.key()));
            int growth = after.size() - existing.size();
            if (growth > 0 && after.size() > maxPerAor) {
                throw new LimitExceeded(true, aor + " may have at most " + maxPerAor + " contacts");
            }
            if (growth > 0 && totalBindings() + growth > maxTotal) {
                throw new LimitExceeded(false, "the registrar holds its maximum of " + maxTotal + " bindings");
            }
            known.add(aor);
            Map<String, Binding> map = bindings.computeIfAbsent(aor, k -> new LinkedHashMap<>());
            if (removeAll) {
                map.clear();
            }
            for (String key : removeKeys) {
                map.remove(key);
            }
            for (Binding b : put) {
                map.put(b.key(), b);
            }
            map.values().removeIf(Binding::isExpired);
            if (map.isEmpty()) {
                bindings.remove(aor);
            }
            current = getBindings(aor);
            changed = noteChange();
        }
        fireIf(changed);
        return current;
    }

    /** Bindings of all AORs (lapsed ones until the next purge included). */
    public synchronized int totalBindings() {
        int total = 0;
        for (Map<String, Binding> map : bindings.values()) {
            total += map.size();
        }
        return total;
    }

    /** Drops lapsed bindings; called periodically by the registrar. */
    void purgeExpired() {
        boolean changed;
        synchronized (this) {
            bindings.values().forEach(m -> m.values().removeIf(Binding::isExpired));
            bindings.values().removeIf(Map::isEmpty);
            changed = noteChange();
        }
        fireIf(changed);
    }

    /**
     * Compares the registered users with what the listeners last heard. Comparing with the last
     * report (not with "before this call") matters: a binding lapses with no call at all.
     */
    private boolean noteChange() {
        Set<String> now = getRegisteredUsers();
        if (now.equals(lastReported)) {
            return false;
        }
        LOG.debug("registered users now {}", now);
        lastReported = now;
        return true;
    }

    private void fireIf(boolean changed) {
        if (!changed) {
            return;
        }
        for (Runnable listener : listeners) {
            notifier.execute(() -> {
                try {
                    listener.run();
                } catch (RuntimeException e) {
                    LOG.warn("bindings listener failed", e);
                }
            });
        }
    }

    /**
     * A comparison key for contact URIs: scheme, user, host (lower case), port (default 5060) and
     * transport (default udp) — the parts §19.1.4 makes significant for the bindings we keep.
     */
    static String keyOf(SipURI uri) {
        String transport = uri.getTransportParam() == null ? "udp" : uri.getTransportParam().toLowerCase(Locale.ROOT);
        int port = uri.getPort() <= 0 ? 5060 : uri.getPort();
        return uri.getScheme().toLowerCase(Locale.ROOT) + ":" + (uri.getUser() == null ? "" : uri.getUser() + "@")
                + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port + ";" + transport;
    }
}
