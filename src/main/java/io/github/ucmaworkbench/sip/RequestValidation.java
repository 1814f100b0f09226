package io.github.ucmaworkbench.sip;

import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sip.address.SipURI;
import javax.sip.header.AcceptHeader;
import javax.sip.header.ContentEncodingHeader;
import javax.sip.header.ContentLengthHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.Header;
import javax.sip.header.ProxyRequireHeader;
import javax.sip.header.RequireHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * What a SIP element refuses before it acts on a request it cannot honour, in the order RFC
 * 3261 §8.2 gives (method, Request-URI, extensions, content), plus the version (§21.5.7) first.
 * One {@link Policy} per kind of element: a user agent server (the endpoints), a registrar
 * (§10.3) and a proxy (§16.3). Duplicated single-value headers never reach here: the parser keeps
 * only one copy, so {@link #duplicatedSingleHeader} looks at the raw bytes instead.
 *
 * <p>Pure and thread-safe: it only reads the request; the caller sends the answer.
 */
public final class RequestValidation {
    /** RFC 3261's methods and the extensions' we know of (RFC 3262, 3265, 3311, 3428, 3515, 3903, 6086), plus Microsoft's two. */
    static final Set<String> KNOWN_METHODS = Set.of(Request.INVITE, Request.ACK, Request.CANCEL, Request.BYE,
            Request.OPTIONS, Request.REGISTER, Request.PRACK, Request.SUBSCRIBE, Request.NOTIFY, Request.PUBLISH,
            Request.INFO, Request.REFER, Request.MESSAGE, Request.UPDATE, "BENOTIFY", "SERVICE");
    /** Headers that may appear once only (RFC 3261 §7.3.1, §20), long and compact names, lower case. */

    /**
     * A refusal: the status, our reason phrase, the extra headers it needs (Allow, Unsupported,
     * Accept) one value per entry (JAIN-SIP's header factory takes one list element at a time),
     * and why, for a log.
     */
    public record Refusal(int code, String reason, List<Map.Entry<String, String>> headers, String why) {
    }

    /**
     * What an element can honour.
     *
     * @param allowedMethods   null: any method passes (a proxy forwards what it does not know, §16.1)
     * @param checkRequire     §8.2.2.3 / §10.3 step 2: Require names only what we support
     * @param checkMaxForwards §16.3 step 3: a request with no hops left is not forwarded (483)
     * @param checkProxyRequire §16.3 step 5
     * @param inviteBodies     the body types an INVITE may carry (§8.2.3); null: not checked
     * @param inviteAnswerType what a 2xx to an INVITE carries, checked against Accept (406); null: not checked
     */
    public record Policy(List<String> allowedMethods, Set<String> supported, boolean checkRequire,
            boolean checkMaxForwards, boolean checkProxyRequire, Set<String> inviteBodies, String inviteAnswerType) {
    }

    /** The endpoints: they answer INVITE with SDP and hand other requests' bodies to the application. */
    public static final Policy USER_AGENT = new Policy(List.of(Request.INVITE, Request.ACK, Request.CANCEL, Request.BYE,
            Request.OPTIONS, Request.MESSAGE, Request.INFO, Request.UPDATE, "BENOTIFY", "SERVICE"), Set.of(), true, false, false,
            Set.of("application/sdp"), "application/sdp");
    /** The registrar for REGISTER (§10.3): it supports no extension. */
    public static final Policy REGISTRAR = new Policy(null, Set.of(), true, false, false, null, null);
    /** The proxy for everything else (§16.3): Require is for the far end, Proxy-Require is ours. */
    public static final Policy PROXY = new Policy(null, Set.of(), false, true, true, null, null);

    /**
     * What a request's bytes said that its parsed form no longer shows, noted on it by
     * {@link #noteRawFacts} as application data (which the RI itself never uses). JAIN-SIP
     * quirks: its parser reads "SIP/7.0" in a request line and keeps "SIP/2.0", and of a
     * single-value header that appears twice it keeps one copy without a word.
     */
    record RawFacts(String version, String twice) {
    }

    private static final long LOG_INTERVAL_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
    private static final java.util.concurrent.atomic.AtomicLong LAST_LOGGED = new java.util.concurrent.atomic.AtomicLong(
            System.nanoTime() - LOG_INTERVAL_NANOS);
    private static final java.util.concurrent.atomic.AtomicInteger NOT_LOGGED = new java.util.concurrent.atomic.AtomicInteger();

    private RequestValidation() {
    }

    /**
     * Tells the user, on {@code log} at INFO, that {@code who} refused a request from {@code from}
     * and why: at most one line per ten seconds in the process (the rest at DEBUG, counted in the
     * next line), so a flood of torture messages does not flood the console.
     */
    public static void logRefusal(org.slf4j.Logger log, String who, Request request, String from, Refusal refusal) {
        String line = who + " refused a " + clean(request.getMethod(), 40) + " from " + from + " with " + refusal.code()
                + ": " + refusal.why();
        long now = System.nanoTime();
        long last = LAST_LOGGED.get();
        if (now - last >= LOG_INTERVAL_NANOS && LAST_LOGGED.compareAndSet(last, now)) {
            int more = NOT_LOGGED.getAndSet(0);
            log.info(more == 0 ? line : line + " (and " + more + " other refusals in the last seconds)");
        } else {
            NOT_LOGGED.incrementAndGet();
            log.debug(line);
        }
    }

    /** Notes on {@code request}, parsed from {@code raw}, a version other than SIP/2.0 or a duplicated single-value header. */
    static void noteRawFacts(gov.nist.javax.sip.message.SIPRequest request, byte[] raw) {
        int end = 0;
        while (end < raw.length && raw[end] != '\r' && raw[end] != '\n') {
            end++;
        }
        String line = new String(raw, 0, end, java.nio.charset.StandardCharsets.ISO_8859_1).strip();
        String version = line.substring(line.lastIndexOf(' ') + 1);
        String twice = duplicatedSingleHeader(raw);
        boolean otherVersion = !version.equalsIgnoreCase("SIP/2.0");
        if (otherVersion || twice != null) {
            request.setApplicationData(new RawFacts(otherVersion ? version : null, twice));
        }
    }

    /** A method of RFC 3261 or a registered extension we know of (405 when not allowed), not an unknown one (501). */
    public static boolean isKnownMethod(String method) {
        return KNOWN_METHODS.contains(method);
    }

    /** The first rule {@code request} breaks under {@code policy}, or null. An ACK is never refused (§17.2.1: never answered). */
    public static Refusal check(Request request, Policy policy) {
        String method = request.getMethod();
        if (Request.ACK.equals(method)) {
            return null;
        }
        RawFacts raw = request instanceof gov.nist.javax.sip.message.MessageExt ext
                && ext.getApplicationData() instanceof RawFacts facts ? facts : null;
        if (raw != null && raw.version() != null) {
            return refusal(Response.VERSION_NOT_SUPPORTED, "Version Not Supported (only SIP/2.0)", List.of(),
                    "it was written in " + clean(raw.version()));
        }
        if (raw != null && raw.twice() != null) {
            // §7.3.1: these headers appear once; which copy the sender meant is anybody's guess
            return refusal(Response.BAD_REQUEST, "Bad Request (two " + raw.twice() + " headers)", List.of(),
                    "it has two " + raw.twice() + " headers");
        }
        if (policy.allowedMethods() != null && !policy.allowedMethods().contains(method)) {
            // §8.2.1: 405 names what we do allow; a method nobody told us of is 501 (§21.5.2).
            if (KNOWN_METHODS.contains(method)) {
                return refusal(Response.METHOD_NOT_ALLOWED, "Method Not Allowed",
                        each("Allow", policy.allowedMethods()), method + " is not served here");
            }
            return refusal(Response.NOT_IMPLEMENTED, "Not Implemented (unknown method)", List.of(),
                    "its method " + clean(method) + " is unknown");
        }
        if (!(request.getRequestURI() instanceof SipURI)) {
            // §8.2.2.1 and §16.3 step 2; a sips: URI is a SipURI too
            return refusal(Response.UNSUPPORTED_URI_SCHEME, "Unsupported URI Scheme (only sip and sips)", List.of(),
                    "its Request-URI scheme " + clean(request.getRequestURI().getScheme()) + " is unknown");
        }
        // §8.2.2.3: a CANCEL's Require is not ours to judge; a proxy matches it to its INVITE (§16.10)
        boolean hopByHop = Request.CANCEL.equals(method);
        javax.sip.header.MaxForwardsHeader hops = (javax.sip.header.MaxForwardsHeader) request.getHeader(
                javax.sip.header.MaxForwardsHeader.NAME);
        if (policy.checkMaxForwards() && !hopByHop && hops != null && hops.getMaxForwards() <= 0) {
            // §16.3 step 3 (an OPTIONS "MAY" be answered by the proxy instead; ours does not)
            return refusal(Response.TOO_MANY_HOPS, "Too Many Hops", List.of(), "its Max-Forwards is 0");
        }
        if (policy.checkProxyRequire() && !hopByHop) {
            Refusal r = unsupported(request, ProxyRequireHeader.NAME, policy.supported());
            if (r != null) {
                return r;
            }
        }
        if (policy.checkRequire() && !hopByHop) {
            Refusal r = unsupported(request, RequireHeader.NAME, policy.supported());
            if (r != null) {
                return r;
            }
        }
        if (Request.INVITE.equals(method)) {
            return inviteContent(request, policy);
        }
        return null;
    }

    /** §8.2.3 for an INVITE's body, then whether the Accept leaves room for our answer (406, §21.4.7). */
    private static Refusal inviteContent(Request request, Policy policy) {
        if (policy.inviteBodies() != null && hasBody(request)) {
            ContentTypeHeader type = (ContentTypeHeader) request.getHeader(ContentTypeHeader.NAME);
            String mime = type == null ? "" : (type.getContentType() + "/" + type.getContentSubType()).toLowerCase(Locale.ROOT);
            if (!policy.inviteBodies().contains(mime)) {
                return refusal(Response.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type",
                        each("Accept", List.copyOf(policy.inviteBodies())),
                        "its body is " + (mime.isEmpty() ? "untyped" : clean(mime)));
            }
            ContentEncodingHeader encoding = (ContentEncodingHeader) request.getHeader(ContentEncodingHeader.NAME);
            if (encoding != null && !"identity".equalsIgnoreCase(encoding.getEncoding())) {
                return refusal(Response.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type (encoding)",
                        each("Accept-Encoding", List.of("identity")), "its body is encoded " + clean(encoding.getEncoding()));
            }
        }
        if (policy.inviteAnswerType() != null && !accepts(request, policy.inviteAnswerType())) {
            return refusal(Response.NOT_ACCEPTABLE, "Not Acceptable (our answer is " + policy.inviteAnswerType() + ")",
                    List.of(), "its Accept rules out " + policy.inviteAnswerType());
        }
        return null;
    }

    private static boolean hasBody(Request request) {
        ContentLengthHeader length = request.getContentLength();
        return length != null ? length.getContentLength() > 0 : request.getRawContent() != null && request.getRawContent().length > 0;
    }

    /** No Accept means the method's default (application/sdp for INVITE, §20.1); an empty one accepts nothing. */
    static boolean accepts(Request request, String mime) {
        ListIterator<?> accepts = request.getHeaders(AcceptHeader.NAME);
        if (accepts == null || !accepts.hasNext()) {
            return true;
        }
        String[] wanted = mime.split("/", 2);
        while (accepts.hasNext()) {
            AcceptHeader accept = (AcceptHeader) accepts.next();
            String type = accept.getContentType();
            String sub = accept.getContentSubType();
            if (type == null || type.isBlank()) {
                continue; // "Accept:" with nothing
            }
            boolean typeMatches = type.equals("*") || type.equalsIgnoreCase(wanted[0]);
            boolean subMatches = sub == null || sub.equals("*") || sub.equalsIgnoreCase(wanted[1]);
            if (typeMatches && subMatches && accept.getQValue() != 0f) {
                return true;
            }
        }
        return false;
    }

    /** 420 with the option tags of {@code name} that {@code supported} lacks (§8.2.2.3: all of them, in Unsupported). */
    private static Refusal unsupported(Request request, String name, Set<String> supported) {
        List<String> missing = new ArrayList<>();
        ListIterator<?> headers = request.getHeaders(name);
        while (headers != null && headers.hasNext()) {
            Header header = (Header) headers.next();
            String tag = header instanceof javax.sip.header.OptionTag option ? option.getOptionTag() : null;
            if (tag != null && !tag.isBlank() && !supported.contains(tag.strip()) && !missing.contains(tag.strip())) {
                missing.add(tag.strip());
            }
        }
        if (missing.isEmpty()) {
            return null;
        }
        return refusal(Response.BAD_EXTENSION, "Bad Extension", each("Unsupported", missing),
                "its " + name + " names " + clean(String.join(", ", missing)) + ", which we do not support");
    }

    private static Refusal refusal(int code, String reason, List<Map.Entry<String, String>> headers, String why) {
        return new Refusal(code, reason, List.copyOf(headers), why);
    }

    private static List<Map.Entry<String, String>> each(String name, List<String> values) {
        return values.stream().map(v -> Map.entry(name, v)).toList();
    }

    /**
     * The first single-value header (Call-ID, CSeq, From, To, Max-Forwards, Content-Length,
     * Content-Type, Expires...) that appears twice in the header section of {@code raw}, in its
     * long name, or null. Compact forms count as the same header (§7.3.3).
     */
    public static String duplicatedSingleHeader(byte[] raw) {
        // Byte by byte, without a String per header line: it runs on every request received.
        int seen = 0;
        int lineStart = 0;
        boolean first = true;
        for (int i = 0; i <= raw.length; i++) {
            if (i < raw.length && raw[i] != '\n') {
                continue;
            }
            int end = i > lineStart && raw[i - 1] == '\r' ? i - 1 : i;
            if (end == lineStart) {
                return null; // the blank line: the headers are over
            }
            if (!first && raw[lineStart] != ' ' && raw[lineStart] != '\t') {
                int colon = lineStart;
                while (colon < end && raw[colon] != ':') {
                    colon++;
                }
                int from = lineStart;
                int to = colon;
                while (from < to && raw[from] <= ' ') {
                    from++;
                }
                while (to > from && raw[to - 1] <= ' ') {
                    to--;
                }
                int single = singleIndex(raw, from, to);
                if (single >= 0) {
                    if ((seen & (1 << single)) != 0) {
                        return SINGLE_NAMES[single][0];
                    }
                    seen |= 1 << single;
                }
            }
            first = false;
            lineStart = i + 1;
        }
        return null;
    }

    /** Which of {@link #SINGLE_NAMES} {@code raw[from, to)} names, ignoring case; -1 for none. */
    private static int singleIndex(byte[] raw, int from, int to) {
        int length = to - from;
        for (int k = 0; k < SINGLE_NAMES.length; k++) {
            for (String form : SINGLE_NAMES[k]) {
                if (form.length() == length && sameIgnoringCase(raw, from, form)) {
                    return k;
                }
            }
        }
        return -1;
    }

    private static boolean sameIgnoringCase(byte[] raw, int from, String name) {
        for (int j = 0; j < name.length(); j++) {
            int c = raw[from + j] & 0xff;
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != Character.toLowerCase(name.charAt(j))) {
                return false;
            }
        }
        return true;
    }

    /** The single-value headers, long name first, then the compact form (§7.3.3). */
    private static final String[][] SINGLE_NAMES = {{"Call-ID", "i"}, {"CSeq"}, {"From", "f"}, {"To", "t"},
        {"Max-Forwards"}, {"Content-Length", "l"}, {"Content-Type", "c"}, {"Expires"}, {"Min-Expires"},
        {"Content-Encoding", "e"}};

    /**
     * {@code text} made fit for one line of a log or a reason phrase: no control characters (a
     * bare LF would end a status line early, §25.1 Reason-Phrase), no Java object identities
     * such as {@code [C@3854c889} (the RI prints a char array where it meant its text), at most
     * {@code max} characters.
     */
    public static String clean(String text, int max) {
        String t = String.valueOf(text).replaceAll("\\[[A-Za-z]@\\p{XDigit}+", "").replaceAll("[\\p{Cntrl}]+", " ")
                .replaceAll(" {2,}", " ").strip();
        return t.length() > max ? t.substring(0, max - 3) + "..." : t;
    }

    public static String clean(String text) {
        return clean(text, 60);
    }
}
