package io.github.ucmaworkbench.ui.help;

import java.nio.file.Files;
import java.nio.file.Path;

/** The Help page that says where settings, the certificate, progress and homework live. */
final class WhereFilesAre {
    private WhereFilesAre() {
    }

    static String markdown(Path folder) {
        return "# Where your files are\n\n"
                + "Everything the workbench keeps is in one folder (start it with `--config-dir DIR` to use another"
                + " one, e.g. one folder per class):\n\n"
                + "`" + folder.toAbsolutePath() + "`\n\n"
                + "| file | what it holds |\n|---|---|\n"
                + row(folder, "settings.json", "the client's and server's settings, accept policy, theme, classroom")
                + row(folder, "tls-certificate.p12", "the workbench's self-signed TLS certificate (made on first use)")
                + row(folder, "lesson-progress.json", "which lessons and steps you have done")
                + row(folder, "homework", "your homework, one Java file per exercise")
                + "\nDelete a file to start that part afresh; the workbench makes a new one when it needs it.\n";
    }

    private static String row(Path folder, String name, String what) {
        boolean there = Files.exists(folder.resolve(name));
        return "| `" + name + "` | " + what + (there ? "" : " *(not made yet)*") + " |\n";
    }
}
