package io.github.ucmaworkbench.rtc;

/** The SIP method {@code beginSendMessage} uses; mirrors UCMA's {@code MessageType}. */
public enum MessageType {
    MESSAGE("MESSAGE"),
    INFO("INFO"),
    OPTIONS("OPTIONS"),
    BENOTIFY("BENOTIFY"),
    SERVICE("SERVICE");

    private final String method;

    MessageType(String method) {
        this.method = method;
    }

    public String getMethod() {
        return method;
    }

    /** The type for a request method, or null when it is none of these. */
    public static MessageType fromMethod(String method) {
        for (MessageType type : values()) {
            if (type.method.equalsIgnoreCase(method)) {
                return type;
            }
        }
        return null;
    }
}
