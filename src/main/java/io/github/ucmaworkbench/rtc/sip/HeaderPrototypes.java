package io.github.ucmaworkbench.rtc.sip;

import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sip.address.AddressFactory;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.UserAgentHeader;

/**
 * The headers every call's messages repeat (User-Agent, our Contact, the body's Content-Type),
 * parsed once per agent instead of once per message.
 *
 * <p>Why: the RI's factories parse their text argument (a Contact's URI, a Content-Type) with
 * its lexer; the {@code server} did that for every 180 and 200 it sent (JFR). A prototype is
 * cloned instead, since the RI may change a header it is given (a dialog keeps the Contact it
 * sent); the User-Agent is shared, as nothing ever changes one.
 */
final class HeaderPrototypes {
    /** A few endpoints, a few addresses: more than this means something keeps making new ones. */
    private static final int LIMIT = 64;

    private final HeaderFactory headers;
    private final AddressFactory addresses;
    private final UserAgentHeader userAgent;
    private final Map<String, ContactHeader> contacts = new ConcurrentHashMap<>();
    private final Map<String, ContentTypeHeader> contentTypes = new ConcurrentHashMap<>();

    HeaderPrototypes(HeaderFactory headers, AddressFactory addresses) throws ParseException {
        this.headers = headers;
        this.addresses = addresses;
        this.userAgent = headers.createUserAgentHeader(List.of(Requests.USER_AGENT));
    }

    UserAgentHeader userAgent() {
        return userAgent;
    }

    /** A Contact header of its own for {@code uri}. */
    ContactHeader contact(String uri) throws ParseException {
        ContactHeader prototype = contacts.get(uri);
        if (prototype == null) {
            prototype = headers.createContactHeader(addresses.createAddress(uri));
            remember(contacts, uri, prototype);
        }
        return (ContactHeader) prototype.clone();
    }

    /** A Content-Type header of its own for {@code type} ("application/sdp"). */
    ContentTypeHeader contentType(String type) throws ParseException {
        ContentTypeHeader prototype = contentTypes.get(type);
        if (prototype == null) {
            prototype = (ContentTypeHeader) headers.createHeader(ContentTypeHeader.NAME, type);
            remember(contentTypes, type, prototype);
        }
        return (ContentTypeHeader) prototype.clone();
    }

    private static <H> void remember(Map<String, H> map, String key, H prototype) {
        if (map.size() >= LIMIT) {
            map.clear();
        }
        map.put(key, prototype);
    }
}
