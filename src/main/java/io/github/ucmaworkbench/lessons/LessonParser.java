package io.github.ucmaworkbench.lessons;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one lesson file. The file starts with a header between two {@code ---} lines:
 *
 * <pre>
 * ---
 * id: accepting-the-invite
 * title: Accepting the INVITE
 * part: 6
 *
 * [step listen]
 * title: The server listens
 * side: server
 * action: listen
 * region: ServerManager#listen
 * expect: server listening=true
 * ---
 * Introduction in Markdown...
 *
 * &lt;!-- step listen --&gt;
 * Text of the step in Markdown...
 * </pre>
 *
 * <p>Every header line is blank, a {@code #} comment, a {@code [step ID]} line or {@code key: value};
 * anything else, an unknown key, a missing key or a bad value is a {@link LessonFormatException}
 * naming the file and line. In the body, {@code <!-- step ID -->} starts the text of that step
 * (HTML comments, so the file also reads well as plain Markdown).
 */
public final class LessonParser {
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern STEP_HEADER = Pattern.compile("\\[step\\s+(\\S+)\\s*]");
    private static final Pattern KEY_VALUE = Pattern.compile("([a-z]+)\\s*:\\s*(.*)");
    private static final Pattern STEP_MARKER = Pattern.compile("<!--\\s*step\\s+(\\S+)\\s*-->");
    private static final Pattern REGION = Pattern.compile("[A-Z][A-Za-z0-9]*#[a-z0-9]+(-[a-z0-9]+)*");
    private static final List<String> LESSON_KEYS = List.of("id", "title", "part");
    private static final List<String> STEP_KEYS = List.of("title", "side", "action", "region", "expect", "timeout");

    private final Predicate<String> regionExists;

    /** A parser that accepts any well-formed region reference. */
    public LessonParser() {
        this(region -> true);
    }

    /** A parser that also checks each step's region against the tutorial sources. */
    public LessonParser(Predicate<String> regionExists) {
        this.regionExists = regionExists;
    }

    public Lesson parse(String file, String text) throws LessonFormatException {
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        if (lines.length == 0 || !lines[0].strip().equals("---")) {
            throw new LessonFormatException(file, 1, "a lesson starts with a '---' line, then its header");
        }
        Map<String, String> lessonKeys = new LinkedHashMap<>();
        Map<String, Integer> lessonKeyLines = new HashMap<>();
        List<StepDraft> drafts = new ArrayList<>();
        StepDraft current = null;
        int end = -1;
        for (int i = 1; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i].strip();
            if (line.equals("---")) {
                end = i;
                break;
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher step = STEP_HEADER.matcher(line);
            if (step.matches()) {
                if (current != null) {
                    drafts.add(current);
                }
                String id = step.group(1);
                if (!ID.matcher(id).matches()) {
                    throw new LessonFormatException(file, lineNo, "step id '" + id + "' must be lower-case words joined by '-'");
                }
                for (StepDraft other : drafts) {
                    if (other.id.equals(id)) {
                        throw new LessonFormatException(file, lineNo, "step '" + id + "' is declared twice (first on line " + other.line + ")");
                    }
                }
                current = new StepDraft(id, lineNo);
                continue;
            }
            Matcher kv = KEY_VALUE.matcher(line);
            if (!kv.matches()) {
                throw new LessonFormatException(file, lineNo, "expected 'key: value' or '[step ID]', got '" + line + "'");
            }
            String key = kv.group(1);
            String value = kv.group(2).strip();
            if (value.isEmpty()) {
                throw new LessonFormatException(file, lineNo, "'" + key + "' has no value");
            }
            if (current == null) {
                if (!LESSON_KEYS.contains(key)) {
                    throw new LessonFormatException(file, lineNo, "unknown lesson key '" + key + "' (known: " + String.join(", ", LESSON_KEYS)
                            + "; steps start with '[step ID]')");
                }
                if (lessonKeys.putIfAbsent(key, value) != null) {
                    throw new LessonFormatException(file, lineNo, "'" + key + "' is given twice");
                }
                lessonKeyLines.put(key, lineNo);
            } else {
                current.put(file, lineNo, key, value);
            }
        }
        if (end < 0) {
            throw new LessonFormatException(file, lines.length, "the header never ends: add a '---' line after it");
        }
        if (current != null) {
            drafts.add(current);
        }
        for (String key : LESSON_KEYS) {
            if (!lessonKeys.containsKey(key)) {
                throw new LessonFormatException(file, end + 1, "the header has no '" + key + "'");
            }
        }
        String id = lessonKeys.get("id");
        if (!ID.matcher(id).matches()) {
            throw new LessonFormatException(file, lessonKeyLines.get("id"), "lesson id '" + id + "' must be lower-case words joined by '-'");
        }
        int part;
        try {
            part = Integer.parseInt(lessonKeys.get("part"));
        } catch (NumberFormatException e) {
            part = -1;
        }
        if (part < 1 || part > 99) {
            throw new LessonFormatException(file, lessonKeyLines.get("part"), "part must be a number from 1, got '" + lessonKeys.get("part") + "'");
        }
        if (drafts.isEmpty()) {
            throw new LessonFormatException(file, end + 1, "a lesson needs at least one '[step ID]'");
        }

        // The body: introduction, then one section per step marker.
        StringBuilder introduction = new StringBuilder();
        Map<String, StringBuilder> texts = new LinkedHashMap<>();
        StringBuilder target = introduction;
        for (int i = end + 1; i < lines.length; i++) {
            Matcher marker = STEP_MARKER.matcher(lines[i].strip());
            if (marker.matches()) {
                String stepId = marker.group(1);
                if (drafts.stream().noneMatch(d -> d.id.equals(stepId))) {
                    throw new LessonFormatException(file, i + 1, "text for step '" + stepId + "', which the header does not declare");
                }
                if (texts.containsKey(stepId)) {
                    throw new LessonFormatException(file, i + 1, "a second text for step '" + stepId + "'");
                }
                target = new StringBuilder();
                texts.put(stepId, target);
                continue;
            }
            target.append(lines[i]).append('\n');
        }
        List<LessonStep> steps = new ArrayList<>();
        for (StepDraft draft : drafts) {
            StringBuilder body = texts.get(draft.id);
            if (body == null || body.toString().isBlank()) {
                throw new LessonFormatException(file, draft.line, "step '" + draft.id + "' has no text: add '<!-- step " + draft.id + " -->' and a paragraph to the body");
            }
            steps.add(draft.build(file, body.toString().strip()));
        }
        return new Lesson(id, lessonKeys.get("title"), part, introduction.toString().strip(), steps, file);
    }

    private final class StepDraft {
        final String id;
        final int line;
        String title;
        Side side;
        StepCall call;
        int callLine;
        String region;
        Duration timeout;
        final List<List<Expectation>> clauses = new ArrayList<>();
        final List<Integer> seen = new ArrayList<>();

        StepDraft(String id, int line) {
            this.id = id;
            this.line = line;
        }

        void put(String file, int lineNo, String key, String value) throws LessonFormatException {
            if (!STEP_KEYS.contains(key)) {
                throw new LessonFormatException(file, lineNo, "unknown step key '" + key + "' (known: " + String.join(", ", STEP_KEYS) + ")");
            }
            if (!key.equals("expect")) {
                int index = STEP_KEYS.indexOf(key);
                if (seen.contains(index)) {
                    throw new LessonFormatException(file, lineNo, "'" + key + "' is given twice in step '" + id + "'");
                }
                seen.add(index);
            }
            switch (key) {
                case "title" -> title = value;
                case "side" -> {
                    side = Side.byId(value);
                    if (side == null) {
                        throw new LessonFormatException(file, lineNo, "side must be 'client' or 'server', not '" + value + "'");
                    }
                }
                case "action" -> {
                    try {
                        call = StepCall.parse(value);
                        callLine = lineNo;
                    } catch (IllegalArgumentException e) {
                        throw new LessonFormatException(file, lineNo, e.getMessage());
                    }
                }
                case "region" -> {
                    if (!REGION.matcher(value).matches()) {
                        throw new LessonFormatException(file, lineNo, "region must look like 'ServerManager#accept', not '" + value + "'");
                    }
                    if (!regionExists.test(value)) {
                        throw new LessonFormatException(file, lineNo, "no '// region " + value.substring(value.indexOf('#') + 1)
                                + "' in the tutorial source " + value.substring(0, value.indexOf('#')) + ".java");
                    }
                    region = value;
                }
                case "expect" -> clauses.add(ExpectationParser.parse(file, lineNo, value));
                case "timeout" -> {
                    try {
                        timeout = Durations.parse(value);
                    } catch (IllegalArgumentException e) {
                        throw new LessonFormatException(file, lineNo, e.getMessage());
                    }
                }
                default -> throw new IllegalStateException(key);
            }
        }

        LessonStep build(String file, String markdown) throws LessonFormatException {
            for (String key : STEP_KEYS) {
                boolean missing = switch (key) {
                    case "title" -> title == null;
                    case "side" -> side == null;
                    case "action" -> call == null;
                    case "region" -> region == null;
                    case "expect" -> clauses.isEmpty();
                    default -> false;
                };
                if (missing) {
                    throw new LessonFormatException(file, line, "step '" + id + "' has no '" + key + "'");
                }
            }
            if (!call.action().allows(side)) {
                throw new LessonFormatException(file, callLine, "the " + side.id() + " cannot '" + call.action().id() + "'");
            }
            return new LessonStep(id, title, side, call, region, new Outcome(clauses), timeout, markdown, line);
        }
    }
}
