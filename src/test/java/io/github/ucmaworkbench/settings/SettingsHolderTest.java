package io.github.ucmaworkbench.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.app.SettingsStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsHolderTest {
    @TempDir
    Path dir;

    @Test
    void changeIsSavedAndAnnounced() throws Exception {
        SettingsStore store = new SettingsStore(dir);
        SettingsHolder holder = new SettingsHolder(store, WorkbenchSettings.defaults());
        List<WorkbenchSettings> seen = new ArrayList<>();
        holder.addListener(seen::add);

        holder.update(s -> s.withTheme(Theme.DARK));

        assertThat(seen).extracting(WorkbenchSettings::theme).containsExactly(Theme.DARK);
        assertThat(store.load().settings().theme()).isEqualTo(Theme.DARK);
    }

    @Test
    void sameValueIsNotAnnounced() {
        SettingsHolder holder = new SettingsHolder(new SettingsStore(dir), WorkbenchSettings.defaults());
        List<WorkbenchSettings> seen = new ArrayList<>();
        holder.addListener(seen::add);
        holder.update(s -> s);
        assertThat(seen).isEmpty();
    }

    @Test
    void failedSaveIsReportedAndTheChangeStays() throws Exception {
        Path blocker = dir.resolve("file-not-dir");
        Files.writeString(blocker, "x");
        SettingsHolder holder = new SettingsHolder(new SettingsStore(blocker), WorkbenchSettings.defaults());
        List<String> problems = new ArrayList<>();
        holder.addProblemSink(problems::add);

        holder.update(s -> s.withPresentationFont(true));

        assertThat(holder.get().presentationFont()).isTrue();
        assertThat(problems).singleElement().asString().contains("Could not save the settings");
    }

    @Test
    void unusableSettingsAreNeitherKeptNorSaved() throws Exception {
        SettingsStore store = new SettingsStore(dir);
        SettingsHolder holder = new SettingsHolder(store, WorkbenchSettings.defaults());
        List<String> problems = new ArrayList<>();
        List<WorkbenchSettings> seen = new ArrayList<>();
        holder.addProblemSink(problems::add);
        holder.addListener(seen::add);

        // "own registrar" selected, and a server no one could use: issue 16 saw this written out.
        holder.update(s -> s.withServer(s.server().withEndpoint(new SideSettings("sip:server@example.com", true,
                "host name with spaces", null, "", ""))));

        assertThat(holder.get()).isEqualTo(WorkbenchSettings.defaults());
        assertThat(seen).isEmpty();
        assertThat(Files.exists(store.file())).as("nothing written").isFalse();
        assertThat(problems).singleElement().asString().startsWith("Settings not changed: Server server:");
    }
}
