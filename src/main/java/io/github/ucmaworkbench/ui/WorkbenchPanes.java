package io.github.ucmaworkbench.ui;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Container;
import java.awt.Insets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.swing.BorderFactory;
import javax.swing.JComponent;
import javax.swing.JPanel;
import javax.swing.JSplitPane;

/**
 * The window's centre: client and server side by side, the lesson beside them, the ladder beneath,
 * each pane scrolling rather than cutting off its controls when the window is smaller than the
 * pane, and each split able to collapse a side (the one-touch arrows). One pane can have the
 * whole centre for the projector ({@link PaneFocus}); going back restores the splits as they were.
 * Divider positions are kept as shares of their split, so a font change or another screen keeps
 * the proportions the teacher chose (within each pane's minimum). Event thread only.
 */
final class WorkbenchPanes {
    static final String SIDES = "split.sides";
    static final String TOP = "split.top";
    static final String ALL = "split.all";
    /** Prefix of the names of the scrolling holders of client, server, lesson and ladder. */
    static final String PANE = "pane.";

    /** The ladder's default share of the height. */
    private static final double LADDER_SHARE = 0.4;

    private final JPanel centre = new JPanel(new BorderLayout());
    private final JSplitPane sides;
    private final JSplitPane top;
    private final JSplitPane all;
    private final ScrollWhenSmall lessonPane;
    private final ScrollWhenSmall ladderPane;
    private final Map<String, Double> wanted = new LinkedHashMap<>();
    private PaneFocus focus = PaneFocus.ALL;

    WorkbenchPanes(JComponent client, JComponent server, JComponent lesson, JComponent ladder,
            Map<String, Double> remembered) {
        wanted.putAll(remembered);
        sides = split(SIDES, JSplitPane.HORIZONTAL_SPLIT, new ScrollWhenSmall(PANE + "client", client),
                new ScrollWhenSmall(PANE + "server", server), 0.5);
        lessonPane = new ScrollWhenSmall(PANE + "lesson", lesson);
        top = split(TOP, JSplitPane.HORIZONTAL_SPLIT, sides, lessonPane, 0.8);
        ladderPane = new ScrollWhenSmall(PANE + "ladder", ladder);
        all = split(ALL, JSplitPane.VERTICAL_SPLIT, top, ladderPane, 0.6);
        centre.add(all, BorderLayout.CENTER);
    }

    private JSplitPane split(String name, int orientation, Component left, Component right, double weight) {
        JSplitPane split = new PlacedSplit(orientation, left, right);
        split.setName(name);
        split.setResizeWeight(weight);
        split.setOneTouchExpandable(true);
        split.setContinuousLayout(true);
        split.setBorder(BorderFactory.createEmptyBorder());
        return split;
    }

    JComponent centre() {
        return centre;
    }

    /**
     * A main split that puts its divider where {@link #layout()} would, in its own first layout,
     * once its parent has given it its size. Without a location, Swing's first layout of a split
     * sizes both sides by their preferred sizes: on a tree not yet valid that asks every nested
     * MigLayout for its whole preferred size, twice or more (the panes' sizes are cached only once
     * valid), and the window then moved every divider again when it opened, laying out and
     * painting every pane a second time (issue 14, cold start). Now the first layout is the one
     * the window keeps.
     */
    private final class PlacedSplit extends JSplitPane {
        private boolean placed;

        PlacedSplit(int orientation, Component left, Component right) {
            super(orientation, left, right);
        }

        @Override
        public void doLayout() {
            if (!placed && focus == PaneFocus.ALL && room(this) > 0) {
                placed = true;
                placeMain(this);
            }
            super.doLayout();
        }
    }

    void setLesson(JComponent view) {
        lessonPane.setPane(view);
    }

    void setLadder(JComponent view) {
        ladderPane.setPane(view);
    }

    PaneFocus focus() {
        return focus;
    }

    /** Gives {@code chosen} the whole centre, or puts every pane back for {@link PaneFocus#ALL}. */
    void setFocus(PaneFocus chosen) {
        if (chosen == focus) {
            return;
        }
        if (focus == PaneFocus.ALL) {
            wanted.putAll(shares());
        }
        // Put the focused pane back where it belongs before taking another one out.
        all.setBottomComponent(ladderPane);
        top.setRightComponent(lessonPane);
        centre.removeAll();
        focus = chosen;
        centre.add(switch (chosen) {
            case ALL -> all;
            case LADDER -> ladderPane;
            case LESSON -> lessonPane;
        }, BorderLayout.CENTER);
        centre.revalidate();
        centre.repaint();
        if (chosen == PaneFocus.ALL) {
            centre.validate();
            layout();
        }
    }

    /** Keeps the current proportions through a change of font: applied again once the new sizes are known. */
    void keepShares() {
        Map<String, Double> now = shares();
        if (focus != PaneFocus.ALL) {
            now.keySet().retainAll(innerNames());
        }
        wanted.putAll(now);
    }

    private List<String> innerNames() {
        return inner().stream().map(JSplitPane::getName).toList();
    }

    /** The shares to remember: as on screen when every pane shows, else as they were before the focus. */
    Map<String, Double> sharesToRemember() {
        Map<String, Double> result = new LinkedHashMap<>(wanted);
        Map<String, Double> now = shares();
        if (focus != PaneFocus.ALL) {
            now.keySet().retainAll(innerNames());
        }
        result.putAll(now);
        return result;
    }

    private Map<String, Double> shares() {
        Map<String, Double> result = new LinkedHashMap<>();
        List<JSplitPane> splits = new ArrayList<>(List.of(sides, top, all));
        splits.addAll(inner());
        for (JSplitPane split : splits) {
            int total = room(split);
            int location = split.getDividerLocation();
            if (total > 0 && location > 0 && location < total) {
                result.put(split.getName(), location / (double) total);
            }
        }
        return result;
    }

    /**
     * Sets the dividers: the remembered shares where there are some, else the lesson gets its
     * minimum or a third of the width (never more than half) and the ladder {@value #LADDER_SHARE}
     * of the height; either way no pane gets less than its minimum while the window has room.
     */
    void layout() {
        if (focus == PaneFocus.ALL) {
            layoutMain();
        }
        centre.validate();
        // The panes' own splits (ladder | inspector, text / code): as remembered, or as they are,
        // moved so that a larger font does not squeeze a side below its minimum.
        for (JSplitPane split : inner()) {
            int total = room(split);
            if (total > 0) {
                Double share = wanted.get(split.getName());
                place(split, share != null ? share : Math.max(0.05, Math.min(0.95, split.getDividerLocation() / (double) total)));
            }
        }
    }

    private void layoutMain() {
        if (room(top) > 0) {
            placeMain(top);
            top.validate();
            placeMain(sides);
        }
        if (room(all) > 0) {
            placeMain(all);
        }
    }

    /** One of the three main splits, at its remembered share or its default; it must have its size. */
    private void placeMain(JSplitPane split) {
        if (split == top) {
            int width = room(top);
            Double share = wanted.get(TOP);
            if (share == null) {
                int lesson = Math.min(Math.max(minimum(lessonPane, true), width / 3), width / 2);
                share = (width - lesson) / (double) width;
            }
            place(top, share);
        } else if (split == sides) {
            place(sides, wanted.getOrDefault(SIDES, 0.5));
        } else {
            place(all, wanted.getOrDefault(ALL, 1 - LADDER_SHARE));
        }
    }

    /** The named split panes inside the lesson and the ladder. */
    private List<JSplitPane> inner() {
        List<JSplitPane> result = new ArrayList<>();
        collectSplits(lessonPane, result);
        collectSplits(ladderPane, result);
        return result;
    }

    private static void collectSplits(Container parent, List<JSplitPane> into) {
        for (Component c : parent.getComponents()) {
            if (c instanceof JSplitPane split && split.getName() != null) {
                into.add(split);
            }
            if (c instanceof Container k) {
                collectSplits(k, into);
            }
        }
    }

    /** Puts the divider at {@code share} of the room, moved so that both sides keep their minimum if they can. */
    private static void place(JSplitPane split, double share) {
        int total = room(split);
        boolean horizontal = split.getOrientation() == JSplitPane.HORIZONTAL_SPLIT;
        int leftMin = minimum(split.getLeftComponent(), horizontal);
        int rightMin = minimum(split.getRightComponent(), horizontal);
        int location = (int) Math.round(share * total);
        if (leftMin + rightMin <= total) {
            location = Math.max(leftMin, Math.min(location, total - rightMin));
        } else if (leftMin + rightMin > 0) {
            // Too small for both: each scrolls, in proportion to what it needs.
            location = (int) ((long) total * leftMin / (leftMin + rightMin));
        }
        // Setting it revalidates and repaints the whole split even when it does not move: the
        // window's opening would then paint every pane again for nothing.
        if (split.getDividerLocation() != location) {
            split.setDividerLocation(location);
        }
    }

    private static int minimum(Component c, boolean horizontal) {
        if (c == null) {
            return 0;
        }
        return horizontal ? c.getMinimumSize().width : c.getMinimumSize().height;
    }

    /** The pixels the two sides of {@code split} share. */
    private static int room(JSplitPane split) {
        Insets insets = split.getInsets();
        int size = split.getOrientation() == JSplitPane.HORIZONTAL_SPLIT
                ? split.getWidth() - insets.left - insets.right
                : split.getHeight() - insets.top - insets.bottom;
        return size - split.getDividerSize();
    }
}
