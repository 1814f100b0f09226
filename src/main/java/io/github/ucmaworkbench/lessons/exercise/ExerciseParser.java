package io.github.ucmaworkbench.lessons.exercise;

import io.github.ucmaworkbench.lessons.Durations;
import io.github.ucmaworkbench.lessons.Expectation;
import io.github.ucmaworkbench.lessons.LessonFormatException;
import io.github.ucmaworkbench.lessons.ExpectationParser;
import io.github.ucmaworkbench.lessons.LessonStep;
import io.github.ucmaworkbench.lessons.Outcome;
import io.github.ucmaworkbench.lessons.Side;
import io.github.ucmaworkbench.lessons.StepCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one exercise file, in the lessons' format: a header between {@code ---} lines
 * ({@code id}, {@code title}, {@code part}, {@code side}, {@code seam}, then one
 * {@code [check ID]} block per step with {@code side}, {@code action}, {@code expect} lines and
 * optional {@code title} and {@code timeout}), then the task in Markdown, {@code <!-- hint -->}
 * sections, and a {@code <!-- starter -->} section holding one fenced Java block. Errors name
 * the file and line, like a lesson's.
 */
public final class ExerciseParser {
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern CHECK_HEADER = Pattern.compile("\\[check\\s+(\\S+)\\s*]");
    private static final Pattern KEY_VALUE = Pattern.compile("([a-z]+)\\s*:\\s*(.*)");
    private static final Pattern SECTION = Pattern.compile("<!--\\s*(hint|starter)\\s*-->");
    private static final List<String> KEYS = List.of("id", "title", "part", "side", "seam");
    private static final List<String> CHECK_KEYS = List.of("title", "side", "action", "expect", "timeout");

    public Exercise parse(String file, String text) throws LessonFormatException {
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        if (!lines[0].strip().equals("---")) {
            throw new LessonFormatException(file, 1, "an exercise starts with a '---' line, then its header");
        }
        Map<String, String> keys = new LinkedHashMap<>();
        List<Draft> drafts = new ArrayList<>();
        Draft current = null;
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
            Matcher check = CHECK_HEADER.matcher(line);
            if (check.matches()) {
                if (!ID.matcher(check.group(1)).matches()) {
                    throw new LessonFormatException(file, lineNo, "check id '" + check.group(1) + "' must be lower-case words joined by '-'");
                }
                current = new Draft(check.group(1), lineNo);
                drafts.add(current);
                continue;
            }
            Matcher kv = KEY_VALUE.matcher(line);
            if (!kv.matches() || kv.group(2).isBlank()) {
                throw new LessonFormatException(file, lineNo, "expected 'key: value' or '[check ID]', got '" + line + "'");
            }
            String key = kv.group(1);
            String value = kv.group(2).strip();
            if (current == null) {
                if (!KEYS.contains(key)) {
                    throw new LessonFormatException(file, lineNo, "unknown exercise key '" + key + "' (known: " + String.join(", ", KEYS) + ")");
                }
                if (keys.putIfAbsent(key, value) != null) {
                    throw new LessonFormatException(file, lineNo, "'" + key + "' is given twice");
                }
            } else {
                current.put(file, lineNo, key, value);
            }
        }
        if (end < 0) {
            throw new LessonFormatException(file, lines.length, "the header never ends: add a '---' line after it");
        }
        for (String key : KEYS) {
            if (!keys.containsKey(key)) {
                throw new LessonFormatException(file, end + 1, "the header has no '" + key + "'");
            }
        }
        if (!ID.matcher(keys.get("id")).matches()) {
            throw new LessonFormatException(file, 2, "exercise id '" + keys.get("id") + "' must be lower-case words joined by '-'");
        }
        int part;
        try {
            part = Integer.parseInt(keys.get("part"));
        } catch (NumberFormatException e) {
            throw new LessonFormatException(file, end + 1, "part must be a number, got '" + keys.get("part") + "'");
        }
        Side side = Side.byId(keys.get("side"));
        if (side == null) {
            throw new LessonFormatException(file, end + 1, "side must be 'client' or 'server'");
        }
        Seam seam = Seam.byId(keys.get("seam"));
        if (seam == null || !seam.allows(side)) {
            throw new LessonFormatException(file, end + 1, "seam '" + keys.get("seam") + "' is not one of the " + side.id()
                    + "'s (known: " + Seam.ids() + ")");
        }
        if (drafts.isEmpty()) {
            throw new LessonFormatException(file, end + 1, "an exercise needs at least one '[check ID]'");
        }
        List<LessonStep> steps = new ArrayList<>();
        for (Draft draft : drafts) {
            steps.add(draft.build(file, seam));
        }

        StringBuilder task = new StringBuilder();
        List<StringBuilder> hints = new ArrayList<>();
        StringBuilder starterSection = null;
        int starterLine = 0;
        StringBuilder target = task;
        for (int i = end + 1; i < lines.length; i++) {
            Matcher section = SECTION.matcher(lines[i].strip());
            if (section.matches()) {
                if (section.group(1).equals("hint")) {
                    target = new StringBuilder();
                    hints.add(target);
                } else {
                    if (starterSection != null) {
                        throw new LessonFormatException(file, i + 1, "a second starter");
                    }
                    starterSection = new StringBuilder();
                    starterLine = i + 1;
                    target = starterSection;
                }
                continue;
            }
            target.append(lines[i]).append('\n');
        }
        if (task.toString().isBlank()) {
            throw new LessonFormatException(file, end + 1, "the exercise has no task: write it after the header");
        }
        if (starterSection == null) {
            throw new LessonFormatException(file, lines.length, "no '<!-- starter -->' section");
        }
        String starter = fencedJava(file, starterLine, starterSection.toString());
        return new Exercise(keys.get("id"), keys.get("title"), part, side, seam, task.toString().strip(),
                hints.stream().map(h -> h.toString().strip()).filter(h -> !h.isEmpty()).toList(), starter, steps, file);
    }

    private static String fencedJava(String file, int line, String section) throws LessonFormatException {
        int open = section.indexOf("```java\n");
        int close = open < 0 ? -1 : section.indexOf("\n```", open + 8);
        if (open < 0 || close < 0) {
            throw new LessonFormatException(file, line, "the starter must be one ```java fenced block");
        }
        return section.substring(open + 8, close + 1);
    }

    private static final class Draft {
        final String id;
        final int line;
        String title;
        Side side;
        StepCall call;
        Duration timeout;
        final List<List<Expectation>> clauses = new ArrayList<>();

        Draft(String id, int line) {
            this.id = id;
            this.line = line;
        }

        void put(String file, int lineNo, String key, String value) throws LessonFormatException {
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
                    } catch (IllegalArgumentException e) {
                        throw new LessonFormatException(file, lineNo, e.getMessage());
                    }
                }
                case "expect" -> clauses.add(ExpectationParser.parse(file, lineNo, value));
                case "timeout" -> {
                    try {
                        timeout = Durations.parse(value);
                    } catch (IllegalArgumentException e) {
                        throw new LessonFormatException(file, lineNo, e.getMessage());
                    }
                }
                default -> throw new LessonFormatException(file, lineNo, "unknown check key '" + key + "' (known: "
                        + String.join(", ", CHECK_KEYS) + ")");
            }
        }

        LessonStep build(String file, Seam seam) throws LessonFormatException {
            if (side == null || call == null || clauses.isEmpty()) {
                throw new LessonFormatException(file, line, "check '" + id + "' needs 'side', 'action' and at least one 'expect'");
            }
            if (!call.action().allows(side)) {
                throw new LessonFormatException(file, line, "the " + side.id() + " cannot '" + call.action().id() + "'");
            }
            String shown = title != null ? title : call.describe(side);
            return new LessonStep(id, shown, side, call, seam.region(), new Outcome(clauses), timeout, shown, line);
        }
    }
}
