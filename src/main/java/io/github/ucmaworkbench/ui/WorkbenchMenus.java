package io.github.ucmaworkbench.ui;

import java.awt.Component;
import java.awt.event.ActionEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javax.swing.AbstractAction;
import javax.swing.Action;
import io.github.ucmaworkbench.settings.Theme;
import io.github.ucmaworkbench.ui.theme.KeyboardSupport;
import javax.swing.ButtonGroup;
import javax.swing.JCheckBoxMenuItem;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.JRadioButtonMenuItem;
import javax.swing.KeyStroke;

/**
 * The window's menu bar: File, Client, Server (the side panels' own actions, so menu and button
 * stay in step) and View (light, dark or high-contrast theme; presentation font; one pane filling the window);
 * Help comes from ui.help. Event thread only.
 */
final class WorkbenchMenus {
    private final JRadioButtonMenuItem lightThemeItem = new JRadioButtonMenuItem("Light theme");
    private final JRadioButtonMenuItem darkThemeItem = new JRadioButtonMenuItem("Dark theme");
    private final JRadioButtonMenuItem highContrastItem = new JRadioButtonMenuItem("High-contrast theme");
    private final JCheckBoxMenuItem presentationItem = new JCheckBoxMenuItem("Presentation font");
    private final JCheckBoxMenuItem ladderOnlyItem = new JCheckBoxMenuItem("Ladder fills the window");
    private final JCheckBoxMenuItem lessonOnlyItem = new JCheckBoxMenuItem("Lesson fills the window");
    private final JMenuBar bar = new JMenuBar();

    WorkbenchMenus(Component owner, ClientPanel clientPanel, ServerPanel serverPanel, Runnable exitPerformed,
            Consumer<Theme> themeChosen, Consumer<Boolean> presentationChosen,
            BiConsumer<PaneFocus, Boolean> focusChosen) {
        JMenu file = menu("File", 'F');
        file.add(item(clientPanel.settingsAction(), "menu.file.clientSettings"));
        file.add(item(serverPanel.settingsAction(), "menu.file.serverSettings"));
        file.addSeparator();
        JMenuItem exit = new JMenuItem(new AbstractAction("Exit") {
            @Override
            public void actionPerformed(ActionEvent e) {
                exitPerformed.run();
            }
        });
        exit.setMnemonic('x');
        exit.setName("menu.file.exit");
        // Shown here; the frame handles the key in every window it owns (KeyboardSupport.exitFromEveryWindow).
        exit.setAccelerator(KeyboardSupport.EXIT);
        file.add(exit);

        JMenu client = menu("Client", 'C');
        client.add(item(clientPanel.signInAction(), "menu.client.signIn"));
        client.add(item(clientPanel.signOutAction(), "menu.client.signOut"));
        client.addSeparator();
        client.add(item(clientPanel.sendInviteAction(), "menu.client.sendInvite"));
        client.add(item(clientPanel.hangUpAction(), "menu.client.hangUp"));
        client.add(item(clientPanel.sendMessageAction(), "menu.client.sendMessage"));

        JMenu server = menu("Server", 'S');
        server.add(item(serverPanel.signInAction(), "menu.server.signIn"));
        server.add(item(serverPanel.signOutAction(), "menu.server.signOut"));
        server.addSeparator();
        server.add(item(serverPanel.listenAction(), "menu.server.listen"));
        server.add(item(serverPanel.stopListeningAction(), "menu.server.stopListening"));
        server.add(item(serverPanel.hangUpAction(), "menu.server.hangUp"));

        JMenu view = menu("View", 'V');
        ButtonGroup themes = new ButtonGroup();
        themeItem(view, themes, lightThemeItem, WorkbenchFrame.MENU_VIEW_LIGHT, 'L', Theme.LIGHT, themeChosen);
        themeItem(view, themes, darkThemeItem, WorkbenchFrame.MENU_VIEW_DARK, 'D', Theme.DARK, themeChosen);
        themeItem(view, themes, highContrastItem, WorkbenchFrame.MENU_VIEW_HIGH_CONTRAST, 'H', Theme.HIGH_CONTRAST,
                themeChosen);
        view.addSeparator();
        presentationItem.setName(WorkbenchFrame.MENU_VIEW_PRESENTATION);
        presentationItem.setMnemonic('P');
        presentationItem.addActionListener(e -> presentationChosen.accept(presentationItem.isSelected()));
        view.add(presentationItem);
        view.addSeparator();
        // For the projector: one pane gets the whole window; the same keys bring every pane back.
        ladderOnlyItem.setName(WorkbenchFrame.MENU_VIEW_LADDER_ONLY);
        ladderOnlyItem.setMnemonic('A');
        ladderOnlyItem.setAccelerator(KeyStroke.getKeyStroke(KeyEvent.VK_2, InputEvent.CTRL_DOWN_MASK));
        ladderOnlyItem.addActionListener(e -> focusChosen.accept(PaneFocus.LADDER, ladderOnlyItem.isSelected()));
        lessonOnlyItem.setName(WorkbenchFrame.MENU_VIEW_LESSON_ONLY);
        lessonOnlyItem.setMnemonic('E');
        lessonOnlyItem.setAccelerator(KeyStroke.getKeyStroke(KeyEvent.VK_3, InputEvent.CTRL_DOWN_MASK));
        lessonOnlyItem.addActionListener(e -> focusChosen.accept(PaneFocus.LESSON, lessonOnlyItem.isSelected()));
        view.add(ladderOnlyItem);
        view.add(lessonOnlyItem);

        bar.add(file);
        bar.add(client);
        bar.add(server);
        bar.add(view);
    }

    JMenuBar bar() {
        return bar;
    }

    /** Ticks the View menu's items to match the settings. */
    void showThemeChoice(Theme theme, boolean presentation) {
        lightThemeItem.setSelected(theme == Theme.LIGHT);
        darkThemeItem.setSelected(theme == Theme.DARK);
        highContrastItem.setSelected(theme == Theme.HIGH_CONTRAST);
        presentationItem.setSelected(presentation);
    }

    /** Ticks the item of the pane that has the window, if any. */
    void showFocus(PaneFocus focus) {
        ladderOnlyItem.setSelected(focus == PaneFocus.LADDER);
        lessonOnlyItem.setSelected(focus == PaneFocus.LESSON);
    }

    private static void themeItem(JMenu view, ButtonGroup group, JRadioButtonMenuItem item, String name,
            char mnemonic, Theme theme, Consumer<Theme> themeChosen) {
        item.setName(name);
        item.setMnemonic(mnemonic);
        item.addActionListener(e -> themeChosen.accept(theme));
        group.add(item);
        view.add(item);
    }

    private static JMenu menu(String text, char mnemonic) {
        JMenu menu = new JMenu(text);
        menu.setMnemonic(mnemonic);
        menu.setName("menu." + text.toLowerCase(Locale.ROOT));
        return menu;
    }

    private static JMenuItem item(Action action, String name) {
        JMenuItem item = new JMenuItem(action);
        item.setName(name);
        item.setToolTipText(null);
        return item;
    }
}
