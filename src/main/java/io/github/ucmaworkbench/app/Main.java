package io.github.ucmaworkbench.app;

import io.github.ucmaworkbench.app.cli.KeystoreOptions;
import io.github.ucmaworkbench.app.cli.WorkbenchCommand;
import io.github.ucmaworkbench.common.DaemonThreads;
import io.github.ucmaworkbench.common.SuppressForbidden;
import io.github.ucmaworkbench.lessons.LessonLibrary;
import io.github.ucmaworkbench.lessons.LessonProgressStore;
import io.github.ucmaworkbench.registrar.RegistrarConfig;
import io.github.ucmaworkbench.settings.SettingsHolder;
import io.github.ucmaworkbench.settings.UsersFile;
import io.github.ucmaworkbench.settings.WorkbenchSettings;
import io.github.ucmaworkbench.sip.tls.TlsSetupException;
import io.github.ucmaworkbench.sip.tls.TlsSource;
import io.github.ucmaworkbench.settings.ClassroomShare;
import io.github.ucmaworkbench.ui.join.JoinClassDialog;
import io.github.ucmaworkbench.trace.SipTrace;
import io.github.ucmaworkbench.ui.WorkbenchFrame;
import io.github.ucmaworkbench.ui.ladder.WireTracePanel;
import io.github.ucmaworkbench.ui.lesson.LessonHost;
import io.github.ucmaworkbench.lessons.exercise.ExerciseLibrary;
import io.github.ucmaworkbench.lessons.exercise.HomeworkStore;
import io.github.ucmaworkbench.ui.exercise.ConsolePanel;
import io.github.ucmaworkbench.ui.exercise.ExercisePanel;
import io.github.ucmaworkbench.ui.exercise.HomeworkTabs;
import io.github.ucmaworkbench.ui.lesson.LessonView;
import io.github.ucmaworkbench.ui.lesson.WindowLessonHost;
import io.github.ucmaworkbench.ui.theme.ThemeSupport;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import javax.swing.SwingUtilities;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** Starts the workbench: with no arguments, the window with the embedded registrar running. */
@Command(name = "ucma-workbench", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "The \"Introduction to the UCMA API\" tutorial series on a real SIP stack.",
        footer = {"", "Without the window: ucma-workbench registrar | server | client | run-lesson N [options]",
                "(ucma-workbench help COMMAND explains each)."})
public final class Main implements Callable<Integer> {
    /**
     * {@code -Ducma.startup.mark=true}: print when the window is whole (benchmark 1); {@code =exit}:
     * print and exit, the class-loading training run of the CDS archive (pom.xml's dist profile).
     */
    static final String STARTUP_MARK = "ucma.startup.mark";
    /** When this class was initialised: the startup mark's line says how long the window took from here. */
    static final long STARTED_NANOS = System.nanoTime();

    @Option(names = "--config-dir", paramLabel = "DIR",
            description = "Where settings.json lives (default: $XDG_CONFIG_HOME/ucma-workbench or ~/.config/ucma-workbench).")
    Path configDir;

    @Option(names = "--registrar-bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address the embedded registrar binds (a LAN address lets students' clients reach it). Default: ${DEFAULT-VALUE}.")
    String registrarBind;

    @Option(names = "--registrar-port", paramLabel = "PORT", defaultValue = "5060",
            description = "Port of the embedded registrar; the next free one is used when it is taken. Default: ${DEFAULT-VALUE}.")
    int registrarPort;

    @Mixin
    KeystoreOptions keystore = new KeystoreOptions();

    @Option(names = "--domain", paramLabel = "DOMAIN", defaultValue = "example.com",
            description = "SIP domain the embedded registrar serves. Default: ${DEFAULT-VALUE}.")
    String domain;

    /** --version: the jar manifest's version, the same line Help → About shows. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {io.github.ucmaworkbench.ui.help.AppVersion.line()};
        }
    }

    @Option(names = "--join", paramLabel = "FILE",
            description = "Join a class: open the classroom settings file the teacher shared (the window shows what changes and asks first).")
    Path join;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        if (WorkbenchCommand.handles(args)) {
            // registrar, server, client, run-lesson: the headless command line, no window.
            System.exit(WorkbenchCommand.run(args));
        }
        if (opensWindow(args)) {
            // The toolkit's start (the display connection, Java2D) runs while picocli reads the
            // options and the settings are read: the window needs it first thing.
            DaemonThreads.start("toolkit-start", Main::startToolkit);
        }
        int exit = new CommandLine(new Main()).execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
        // Exit code 0: the window is up and the event thread keeps the process alive until it closes.
    }

    /** True unless the options only ask for help or the version. */
    static boolean opensWindow(String[] args) {
        for (String arg : args) {
            if (arg.equals("-h") || arg.equals("--help") || arg.equals("-V") || arg.equals("--version")) {
                return false;
            }
        }
        return !java.awt.GraphicsEnvironment.isHeadless();
    }

    private static void startToolkit() {
        try {
            java.awt.Toolkit.getDefaultToolkit();
            if (System.getProperty("os.name", "").startsWith("Linux")) {
                // FlatLaf's heading font on Linux names families most desktops lack ("Lato
                // Semibold" first): the first family the JDK cannot find makes it open every
                // installed font file and read its names (9-15 ms, 20 files here instead of one),
                // which the window's first "h2" label paid on the event thread. A miss here pays
                // it now, on this thread, while the options are read; later misses are lookups.
                new java.awt.Font("ucma-workbench: no such family", java.awt.Font.PLAIN, 12).getFamily();
            }
        } catch (RuntimeException | Error e) {
            // No display: the window's own start reports it where the user looks.
        }
    }

    @Override
    public Integer call() throws Exception {
        ClassroomShare share = readShare();
        SettingsStore store = configDir != null ? new SettingsStore(configDir) : SettingsStore.inDefaultDirectory();
        InetAddress bind = InetAddress.getByName(registrarBind);
        if (keystore.problem() != null) {
            throw new CommandLine.ParameterException(new CommandLine(this), keystore.problem());
        }
        SettingsStore.Loaded loaded = store.load();
        SettingsHolder settings = new SettingsHolder(store, loaded.settings());
        // The look and feel loads on the event thread while this thread starts the registrar:
        // both are a second or more of class loading on a cold start. Queued before the TLS
        // material and the first log line (logback's set-up), so the event thread starts first.
        SwingUtilities.invokeLater(() -> ThemeSupport.ensureInstalled(loaded.settings().theme(),
                loaded.settings().presentationFont()));
        var tls = WorkbenchTls.load(store.file().getParent(), bind, keystore.keystore(), keystore.password());
        // Lesson and homework files are read and parsed on their own threads, not on the event
        // thread. Progress lives beside settings.json, so --config-dir keeps a class's state together.
        CompletableFuture<LessonLibrary> lessons = CompletableFuture.supplyAsync(LessonLibrary::loadOrReport,
                r -> DaemonThreads.start("lesson-loader", r));
        CompletableFuture<ExerciseLibrary> exercises = CompletableFuture.supplyAsync(ExerciseLibrary::loadOrReport,
                r -> DaemonThreads.start("exercise-loader", r));
        RegistrarConfig.Builder registrarConfig = RegistrarConfig.builder()
                .bindAddress(bind)
                .port(registrarPort)
                .domain(domain);
        // The window is built on the event thread while this thread starts the registrar (the two
        // largest pieces of a cold start, side by side); the status bar hears when it listens.
        Workbench workbench = Workbench.beforeRegistrar(loaded.settings());
        LessonProgressStore progress = new LessonProgressStore(store.file().resolveSibling(LessonProgressStore.FILE_NAME));
        SignOutOnSignal onSignal = new SignOutOnSignal(workbench, WorkbenchFrame.CLOSE_GRACE_MILLIS);
        String marking = System.getProperty(STARTUP_MARK, "false");
        StartupMark mark = marking.equals("true") || marking.equals("exit")
                ? new StartupMark(line -> printMark(line, marking.equals("exit") && line.startsWith(StartupMark.PREFIX)),
                        workbench::registrarAddress) : null;
        SwingUtilities.invokeLater(() -> {
            WorkbenchFrame frame = show(workbench, settings, lessons, exercises, progress, loaded.problem(), () -> {
                onSignal.windowClosed();
                System.exit(0);
            }, mark);
            if (share != null) {
                SwingUtilities.invokeLater(() -> JoinClassDialog.confirmAndJoin(frame, share, settings, joined -> {
                    workbench.client().apply(joined);
                    workbench.client().signIn();
                }));
            }
        });
        startRegistrar(workbench, loaded.settings(), registrarConfig, tls);
        if (mark != null) {
            mark.registrarReady();
        }
        return 0;
    }

    @SuppressForbidden("benchmark 1 reads this line from stdout")
    private static void printMark(String line, boolean exit) {
        System.out.println(line);
        System.out.flush();
        if (exit) {
            // The shutdown hook signs out and stops the registrar, as closing the window does.
            System.exit(0);
        }
    }

    /** --join FILE, read before anything starts: a wrong file stops here and changes nothing. */
    private ClassroomShare readShare() {
        if (join == null) {
            return null;
        }
        try {
            return ClassroomShareCodec.read(join);
        } catch (ClassroomShare.Problem e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--join " + join + ": " + e.getMessage());
        }
    }

    /**
     * Starts the workbench with the embedded registrar, which asks for sign-in when the settings
     * name a users file. A users file that cannot be used never falls back to a registrar without
     * sign-in: the registrar stays off and the window says why.
     */
    static Workbench startWorkbench(WorkbenchSettings settings, RegistrarConfig.Builder registrarConfig) {
        return startWorkbench(settings, registrarConfig, null);
    }

    /** Like the other, the registrar also on TLS with the certificate {@code tls} is loading (null: no TLS). */
    static Workbench startWorkbench(WorkbenchSettings settings, RegistrarConfig.Builder registrarConfig,
            CompletableFuture<TlsSource> tls) {
        Workbench workbench = Workbench.beforeRegistrar(settings);
        startRegistrar(workbench, settings, registrarConfig, tls);
        return workbench;
    }

    /** Starts {@code workbench}'s registrar as {@link #startWorkbench} describes; returns once it listens or has failed. */
    static void startRegistrar(Workbench workbench, WorkbenchSettings settings, RegistrarConfig.Builder registrarConfig,
            CompletableFuture<TlsSource> tls) {
        Path usersFile = settings.registrarUsersPath();
        try {
            if (usersFile != null) {
                registrarConfig.users(UsersFile.load(usersFile));
            }
        } catch (UsersFile.Problem e) {
            workbench.registrarFailed("The embedded registrar did not start: its users file "
                    + e.getMessage() + ". Fix it in the server's settings and start the workbench again.");
            return;
        }
        RegistrarConfig config = registrarConfig.build();
        String tlsProblem = null;
        if (tls != null) {
            try {
                config = WorkbenchTls.withTlsOrThrow(config, tls);
            } catch (TlsSetupException e) {
                tlsProblem = "TLS is off: " + e.getMessage() + ". UDP and TCP work as usual.";
            }
        }
        workbench.startRegistrar(config);
        if (tlsProblem != null) {
            workbench.warnBothSides(tlsProblem);
        }
    }

    /**
     * Builds and shows the window; event thread.
     *
     * @param onClosed run once the window has closed and the SIP side has stopped (the app exits there)
     */
    static WorkbenchFrame show(Workbench workbench, SettingsHolder settings, String settingsProblem, Runnable onClosed) {
        return show(workbench, settings, LessonLibrary.loadOrReport(), LessonProgressStore.openDefault(),
                settingsProblem, onClosed);
    }

    /** Like the other, with lessons already loaded (off the event thread) and progress kept in {@code progress}. */
    static WorkbenchFrame show(Workbench workbench, SettingsHolder settings, LessonLibrary lessons,
            LessonProgressStore progress, String settingsProblem, Runnable onClosed) {
        return show(workbench, settings, CompletableFuture.completedFuture(lessons),
                CompletableFuture.supplyAsync(ExerciseLibrary::loadOrReport), progress, settingsProblem, onClosed, null);
    }

    /**
     * Like the other, with lessons and homework still loading on other threads: the lesson column
     * goes in once both are read, after the window is on screen. {@code mark} (may be null) hears
     * when the window is whole.
     */
    static WorkbenchFrame show(Workbench workbench, SettingsHolder settings, CompletableFuture<LessonLibrary> lessons,
            CompletableFuture<ExerciseLibrary> exercises, LessonProgressStore progress, String settingsProblem,
            Runnable onClosed, StartupMark mark) {
        ThemeSupport.ensureInstalled(settings.get().theme(), settings.get().presentationFont());
        WorkbenchFrame frame = new WorkbenchFrame(workbench, settings, onClosed);
        if (settingsProblem != null) {
            frame.reportProblem(settingsProblem);
        }
        WireTracePanel wire = new WireTracePanel(SipTrace.global());
        frame.setLadderView(wire);
        frame.bindUntilClosed(WireLinks.followSettings(wire.ladder(), settings));
        WireLinks.linkLog(frame.clientPanel().log(), wire.ladder(), () -> settings.get().client().endpoint().uri());
        WireLinks.linkLog(frame.serverPanel().log(), wire.ladder(), () -> settings.get().server().endpoint().uri());
        LessonHost lessonHost = WireLinks.highlightingSteps(
                new WindowLessonHost(frame, workbench::clientManager, workbench::serverManager), wire.ladder());
        if (mark != null) {
            mark.watch(frame);
        }
        // The lesson column (Markdown rendering, a syntax-highlighting editor) with its Homework and
        // Console tabs goes in at once (one layout, not two). Its files are read on other threads:
        // when they are in by now (the usual case), before the window is shown, so the window is
        // laid out and painted once, whole, rather than first with a placeholder and then again;
        // otherwise once they are read, the window already on screen.
        boolean lessonsRead = lessons.isDone() && exercises.isDone();
        if (lessonsRead) {
            HomeworkTabs tabs = putLessonColumn(frame, workbench, lessonHost, lessons.join(), exercises.join(), progress, mark);
            frame.addWindowListener(new java.awt.event.WindowAdapter() {
                @Override
                public void windowOpened(java.awt.event.WindowEvent e) {
                    buildDeferredLater(frame, tabs);
                }
            });
        }
        // No pack(): it would lay the whole window out at its preferred size, and placeOnScreen
        // then gives it another (a maximized window on a first start, or the remembered size): a
        // layout of every pane for nothing. Showing it lays it out once, at the size it keeps.
        frame.placeOnScreen();
        frame.setVisible(true);
        if (!lessonsRead) {
            lessons.thenAcceptBoth(exercises, (library, homeworkLibrary) -> SwingUtilities.invokeLater(() -> {
                if (frame.isDisplayable()) {
                    buildDeferredLater(frame, putLessonColumn(frame, workbench, lessonHost, library, homeworkLibrary, progress, mark));
                }
            }));
        }
        return frame;
    }

    private static HomeworkTabs putLessonColumn(WorkbenchFrame frame, Workbench workbench, LessonHost lessonHost,
            LessonLibrary library, ExerciseLibrary homeworkLibrary, LessonProgressStore progress, StartupMark mark) {
        LessonView lessonView = new LessonView(lessonHost, library, progress);
        // Beside progress (and settings.json), so --config-dir keeps a class's homework too.
        HomeworkStore homework = new HomeworkStore(progress.file().resolveSibling("homework"));
        // The Homework and Console tabs are there at once, their contents (a second editor
        // with completions, JShell) made just after the window is whole: hidden behind the
        // Lesson tab, they need not delay it.
        HomeworkTabs tabs = HomeworkTabs.deferred(lessonView, () -> new ExercisePanel(lessonHost, homeworkLibrary, homework));
        tabs.addConsole(() -> new ConsolePanel(workbench::clientManager, workbench::serverManager));
        frame.setLessonView(tabs);
        frame.bindUntilClosed(lessonView); // its engine follows the trace; the tabs leave it to us
        if (mark != null) {
            mark.lessonShown(library.lessons().size());
        }
        return tabs;
    }

    /** The hidden tabs' contents, in a dispatch after the window is whole. */
    private static void buildDeferredLater(WorkbenchFrame frame, HomeworkTabs tabs) {
        SwingUtilities.invokeLater(() -> {
            if (frame.isDisplayable()) {
                tabs.buildDeferred();
            }
        });
    }
}
