package io.github.ucmaworkbench.ui.help;

import io.github.ucmaworkbench.settings.SettingsHolder;
import io.github.ucmaworkbench.settings.ClassroomShareFormat;
import io.github.ucmaworkbench.settings.ClientSideSettings;
import io.github.ucmaworkbench.ui.join.JoinClassDialog;
import io.github.ucmaworkbench.ui.join.ShareClassDialog;
import java.awt.Window;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;

/**
 * The Help menu: the lessons' README, the README's softphone recipe, where the workbench keeps its
 * files, the keyboard shortcuts (read from the window's menus and controls), and About. Event thread only.
 */
public final class HelpMenu {
    public static final String README_ITEM = "menu.help.lessonsReadme";
    public static final String SOFTPHONE_ITEM = "menu.help.softphone";
    public static final String FILES_ITEM = "menu.help.files";
    public static final String ABOUT_ITEM = "menu.help.about";
    public static final String SHORTCUTS_ITEM = "menu.help.shortcuts";

    private HelpMenu() {
    }

    /**
     * Puts this menus into the window's bar, whoever built it: File gets Join class… and
     * Share classroom settings… (before Exit) when {@code format} is given, and Help ({@link #create}) goes last.
     *
     * @param signInWith gives the client its new settings and signs it in (after Join)
     */
    public static void install(JMenuBar bar, Window owner, SettingsHolder settings, ClassroomShareFormat format,
            ShareClassDialog.ShareSource share, Consumer<ClientSideSettings> signInWith) {
        for (int i = 0; i < bar.getMenuCount(); i++) {
            JMenu menu = bar.getMenu(i);
            if (menu != null && "menu.file".equals(menu.getName()) && format != null) {
                int at = exitIndex(menu);
                menu.insert(joinClassItem(() -> JoinClassDialog.open(owner, settings, signInWith, format)), at);
                menu.insert(shareClassItem(() -> ShareClassDialog.show(owner, share, format)), at + 1);
                menu.insertSeparator(at + 2);
            }
        }
        bar.add(create(owner, () -> Path.of(settings.store().location()).toAbsolutePath().getParent()));
    }

    private static int exitIndex(JMenu file) {
        for (int i = 0; i < file.getItemCount(); i++) {
            JMenuItem item = file.getItem(i);
            if (item != null && "menu.file.exit".equals(item.getName())) {
                return i;
            }
        }
        return file.getItemCount();
    }

    /**
     * @param configDirectory the folder that holds settings.json (it may come from --config-dir)
     */
    public static JMenu create(Window owner, Supplier<Path> configDirectory) {
        JMenu help = new JMenu("Help");
        help.setMnemonic('H');
        help.setName("menu.help");
        help.add(item("How the lessons are written", 'L', README_ITEM, () -> DocumentDialog.showMarkdown(owner,
                "The lessons' README", HelpDocs.read(HelpDocs.LESSONS_README).orElse(null),
                "The lessons' README (lessons/README.md) is not in this build.")));
        help.add(item(HelpDocs.SOFTPHONE_HEADING, 'S', SOFTPHONE_ITEM, () -> DocumentDialog.showMarkdown(owner,
                HelpDocs.SOFTPHONE_HEADING,
                HelpDocs.read(HelpDocs.README).flatMap(r -> HelpDocs.section(r, HelpDocs.SOFTPHONE_HEADING)).orElse(null),
                "Not found: this build's README has no section \"" + HelpDocs.SOFTPHONE_HEADING + "\".")));
        help.add(item("Where your files are", 'W', FILES_ITEM,
                () -> DocumentDialog.showMarkdown(owner, "Where your files are",
                        WhereFilesAre.markdown(configDirectory.get()), null)));
        help.add(item("Keyboard shortcuts", 'K', SHORTCUTS_ITEM, () -> DocumentDialog.showMarkdown(owner,
                "Keyboard shortcuts", KeyboardShortcuts.markdown(owner), null)));
        help.addSeparator();
        help.add(item("About UCMA Workbench", 'A', ABOUT_ITEM, () -> AboutDialog.show(owner)));
        return help;
    }

    /** File → Join class…, for the File menu. */
    public static JMenuItem joinClassItem(Runnable action) {
        return item("Join class\u2026", 'J', JoinClassDialog.MENU_ITEM, action);
    }

    /** File → Share classroom settings…, for the File menu. */
    public static JMenuItem shareClassItem(Runnable action) {
        return item("Share classroom settings\u2026", 'h', ShareClassDialog.MENU_ITEM, action);
    }

    private static JMenuItem item(String text, char mnemonic, String name, Runnable action) {
        JMenuItem item = new JMenuItem(text);
        item.setMnemonic(mnemonic);
        item.setName(name);
        item.addActionListener(e -> action.run());
        return item;
    }
}
