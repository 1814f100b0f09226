package io.github.ucmaworkbench.ui.ladder;

import io.github.ucmaworkbench.trace.ladder.LadderArrow;
import io.github.ucmaworkbench.trace.ladder.LadderFilter;
import java.awt.event.ActionEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import javax.swing.AbstractAction;
import javax.swing.Action;
import javax.swing.JComponent;
import javax.swing.JMenuItem;
import javax.swing.JPopupMenu;
import javax.swing.JScrollPane;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;

/**
 * Mouse and keys on the ladder's canvas: a click selects an arrow, the arrow keys and page keys
 * move the selection row by row, and the context menu narrows the ladder to one call or caller.
 * Scrolling up (wheel or scroll bar) stops following new messages; Ctrl+End follows again.
 */
final class LadderNavigation {
    private static final String FOLLOW = "ladder.followAgain";
    private final LadderView view;
    private final LadderCanvas canvas;

    private LadderNavigation(LadderView view, LadderCanvas canvas) {
        this.view = view;
        this.canvas = canvas;
    }

    static void install(LadderView view, LadderCanvas canvas, JScrollPane scroll) {
        LadderNavigation navigation = new LadderNavigation(view, canvas);
        navigation.installMouse();
        navigation.installFollow(scroll);
        navigation.bind("UP", -1);
        navigation.bind("DOWN", 1);
        navigation.bind("PAGE_UP", -20);
        navigation.bind("PAGE_DOWN", 20);
    }

    private void installMouse() {
        canvas.addMouseListener(new MouseAdapter() {
            @Override
            public void mousePressed(MouseEvent e) {
                canvas.requestFocusInWindow();
                int row = canvas.rowAt(e.getY());
                if (row >= 0 && SwingUtilities.isLeftMouseButton(e)) {
                    view.selectArrow(view.rowArrow(row));
                }
                maybePopup(e);
            }

            @Override
            public void mouseReleased(MouseEvent e) {
                maybePopup(e);
            }
        });
    }

    /**
     * Ctrl+End on the canvas (where the scroll pane's own Ctrl+End would only scroll) and anywhere
     * else in the ladder turns following on; reading back up the ladder turns it off, or the next
     * batch would pull the reader down again.
     */
    private void installFollow(JScrollPane scroll) {
        AbstractAction followAgain = new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                view.setFollowing(true);
            }
        };
        followAgain.putValue(Action.SHORT_DESCRIPTION, "Follow new messages again, from the newest");
        KeyStroke ctrlEnd = KeyStroke.getKeyStroke("ctrl END");
        canvas.getInputMap(JComponent.WHEN_FOCUSED).put(ctrlEnd, FOLLOW);
        canvas.getActionMap().put(FOLLOW, followAgain);
        view.getInputMap(JComponent.WHEN_ANCESTOR_OF_FOCUSED_COMPONENT).put(ctrlEnd, FOLLOW);
        view.getActionMap().put(FOLLOW, followAgain);
        scroll.addMouseWheelListener(e -> {
            if (e.getWheelRotation() < 0) {
                view.setFollowing(false);
            }
        });
        scroll.getVerticalScrollBar().addAdjustmentListener(e -> {
            if (e.getValueIsAdjusting() && view.isFollowing() && !view.isAtBottom()) {
                view.setFollowing(false); // the user drags the thumb up
            }
        });
    }

    private void maybePopup(MouseEvent e) {
        if (!e.isPopupTrigger()) {
            return;
        }
        int row = canvas.rowAt(e.getY());
        JPopupMenu menu = new JPopupMenu();
        if (row >= 0) {
            LadderArrow arrow = view.model().arrow(view.rowArrow(row));
            JMenuItem call = new JMenuItem("Show only this call");
            call.addActionListener(a -> view.setFilter(new LadderFilter(arrow.callId(), "")));
            menu.add(call);
            if (!arrow.caller().isEmpty()) {
                JMenuItem caller = new JMenuItem("Show only calls from " + arrow.caller());
                caller.addActionListener(a -> view.setFilter(LadderFilter.NONE.withCaller(arrow.caller())));
                menu.add(caller);
            }
        }
        JMenuItem all = new JMenuItem("Show all messages");
        all.addActionListener(a -> view.setFilter(LadderFilter.NONE));
        menu.add(all);
        menu.show(canvas, e.getX(), e.getY());
    }

    private void bind(String key, int delta) {
        canvas.getInputMap(JComponent.WHEN_FOCUSED).put(KeyStroke.getKeyStroke(key), key);
        canvas.getActionMap().put(key, new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                int count = view.rowCount();
                if (count == 0) {
                    return;
                }
                int row = view.selectedRow();
                int next = row < 0 ? (delta > 0 ? 0 : count - 1) : Math.max(0, Math.min(count - 1, row + delta));
                view.selectArrow(view.rowArrow(next));
            }
        });
    }
}
