package io.github.ucmaworkbench.rtc;

import io.github.ucmaworkbench.rtc.sip.SipFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Maps the SIP layer's failures onto UCMA's exception family, and headers onto entries. */
final class Failures {
    private Failures() {
    }

    static RealTimeException toException(SipFailure failure, String operation, boolean register) {
        String message = operation + ": " + failure.getMessage();
        SipResponseData response = failure.getResponse() == null ? null : new SipResponseData(failure.getResponse());
        return switch (failure.getKind()) {
            case TIMEOUT -> new OperationTimeoutException(message);
            case CONNECTION -> new ConnectionFailureException(message, failure);
            case AUTHENTICATION -> new AuthenticationException(message, response);
            case RESPONSE -> register ? new RegisterException(message, response) : new FailureResponseException(message, response);
            case OTHER -> new RealTimeException(message, failure);
        };
    }

    static List<Map.Entry<String, String>> entries(Iterable<SignalingHeader> headers) {
        List<Map.Entry<String, String>> list = new ArrayList<>();
        if (headers != null) {
            for (SignalingHeader header : headers) {
                list.add(Map.entry(header.getName(), header.getValue()));
            }
        }
        return list;
    }
}
