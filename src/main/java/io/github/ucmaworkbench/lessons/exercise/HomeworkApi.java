package io.github.ucmaworkbench.lessons.exercise;

import io.github.ucmaworkbench.rtc.AsyncResult;
import io.github.ucmaworkbench.rtc.ContentType;
import io.github.ucmaworkbench.rtc.FailureResponseException;
import io.github.ucmaworkbench.rtc.MessageReceivedEventArgs;
import io.github.ucmaworkbench.rtc.MessageType;
import io.github.ucmaworkbench.rtc.RealTimeAddress;
import io.github.ucmaworkbench.rtc.RealTimeException;
import io.github.ucmaworkbench.rtc.SessionReceivedEventArgs;
import io.github.ucmaworkbench.rtc.SignalingHeader;
import io.github.ucmaworkbench.rtc.SignalingSession;
import io.github.ucmaworkbench.rtc.SignalingState;
import io.github.ucmaworkbench.rtc.SignalingStateChangedEventArgs;
import io.github.ucmaworkbench.rtc.SipEndpoint;
import io.github.ucmaworkbench.rtc.SipMessageData;
import io.github.ucmaworkbench.rtc.SipResponseData;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The part of the rtc API homework uses, as a list an editor can offer for completion: read
 * from the classes themselves, so it never drifts from the real API.
 */
public final class HomeworkApi {
    private static final List<Class<?>> CLASSES = List.of(SipEndpoint.class, SignalingSession.class,
            SessionReceivedEventArgs.class, SignalingStateChangedEventArgs.class, MessageReceivedEventArgs.class,
            SipMessageData.class, SipResponseData.class, FailureResponseException.class, RealTimeException.class,
            AsyncResult.class, SignalingHeader.class, ContentType.class, MessageType.class, SignalingState.class,
            RealTimeAddress.class, ClientHomework.class, ServerHomework.class);

    /** Methods every class has, which would only crowd the list. */
    private static final Set<String> NOISE = Set.of("equals", "hashCode", "toString", "compareTo", "describeConstable",
            "getDeclaringClass");

    /**
     * One thing to complete.
     *
     * @param text    what is inserted ({@code beginParticipate(})
     * @param label   what the list shows ({@code beginParticipate(AsyncCallback callback, Object state)})
     * @param owner   the class it belongs to
     */
    public record Entry(String text, String label, String owner) {
    }

    private HomeworkApi() {
    }

    public static List<Entry> entries() {
        Set<Entry> entries = new LinkedHashSet<>();
        for (Class<?> type : CLASSES) {
            entries.add(new Entry(type.getSimpleName(), type.getSimpleName(), type.getPackageName()));
            if (type.isEnum()) {
                for (Object constant : type.getEnumConstants()) {
                    String name = ((Enum<?>) constant).name();
                    entries.add(new Entry(type.getSimpleName() + "." + name, type.getSimpleName() + "." + name, type.getSimpleName()));
                }
            }
            List<Method> methods = new ArrayList<>(List.of(type.getMethods()));
            methods.sort(Comparator.comparing(Method::getName));
            for (Method m : methods) {
                if (NOISE.contains(m.getName()) || m.getDeclaringClass() == Object.class || m.getDeclaringClass() == Enum.class
                        || m.getDeclaringClass() == Throwable.class && !m.getName().equals("getMessage")
                        || Modifier.isStatic(m.getModifiers()) && !type.isEnum()) {
                    continue;
                }
                String params = java.util.Arrays.stream(m.getParameters()).map(HomeworkApi::parameter)
                        .collect(Collectors.joining(", "));
                entries.add(new Entry(m.getName() + "(", m.getName() + "(" + params + ") : "
                        + m.getReturnType().getSimpleName(), type.getSimpleName()));
            }
        }
        entries.add(new Entry("recordProgress(", "recordProgress(String format, Object... args)", "Homework"));
        entries.add(new Entry("error(", "error(String format, Object... args)", "Homework"));
        return List.copyOf(entries);
    }

    private static String parameter(Parameter p) {
        String type = p.getParameterizedType().getTypeName().replaceAll("[a-z0-9_.]+\\.", "");
        return p.isNamePresent() ? type + " " + p.getName() : type;
    }
}
