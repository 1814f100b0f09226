package io.github.ucmaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.rtc.SipTransportType;
import io.github.ucmaworkbench.settings.AcceptPolicySettings;
import io.github.ucmaworkbench.settings.ClientSideSettings;
import io.github.ucmaworkbench.settings.ServerSideSettings;
import io.github.ucmaworkbench.settings.SideSettings;
import io.github.ucmaworkbench.settings.Theme;
import io.github.ucmaworkbench.settings.WorkbenchSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {
    @TempDir
    Path dir;

    @Test
    void missingFileGivesDefaultsWithoutComplaint() {
        SettingsStore.Loaded loaded = new SettingsStore(dir.resolve("nowhere")).load();
        assertThat(loaded.settings()).isEqualTo(WorkbenchSettings.defaults());
        assertThat(loaded.problem()).isNull();
    }

    @Test
    void savedSettingsComeBackUnchanged() throws Exception {
        WorkbenchSettings changed = WorkbenchSettings.defaults()
                .withClient(new ClientSideSettings(
                        new SideSettings("sip:alice@lab.local", false, "10.0.0.2:5070", SipTransportType.UDP, "alice", "pw"),
                        "sip:teacher@lab.local", 90))
                .withServer(ServerSideSettings.defaults().withAcceptPolicy(new AcceptPolicySettings(
                        AcceptPolicySettings.Kind.REJECT, 603, "Decline", "X-Lesson", 15)))
                .withTheme(Theme.DARK)
                .withPresentationFont(true);
        SettingsStore store = new SettingsStore(dir.resolve("sub"));
        store.save(changed);

        SettingsStore.Loaded loaded = new SettingsStore(dir.resolve("sub")).load();
        assertThat(loaded.problem()).isNull();
        assertThat(loaded.settings()).isEqualTo(changed);
        try (var files = Files.list(dir.resolve("sub"))) {
            assertThat(files).as("no temporary file left behind").containsExactly(store.file());
        }
    }

    @Test
    void saveReplacesThePreviousFile() throws Exception {
        SettingsStore store = new SettingsStore(dir);
        store.save(WorkbenchSettings.defaults());
        store.save(WorkbenchSettings.defaults().withTheme(Theme.DARK));
        assertThat(store.load().settings().theme()).isEqualTo(Theme.DARK);
    }

    @Test
    void corruptFileGivesDefaultsAndOneClearSentence() throws Exception {
        Files.writeString(dir.resolve(SettingsStore.FILE_NAME), "{ \"client\": [ this is not json");
        SettingsStore.Loaded loaded = new SettingsStore(dir).load();
        assertThat(loaded.settings()).isEqualTo(WorkbenchSettings.defaults());
        assertThat(loaded.problem()).contains(SettingsStore.FILE_NAME).contains("not valid settings JSON")
                .contains("default settings").doesNotContain("\n");
    }

    @Test
    void invalidValueGivesDefaultsAndNamesTheField() throws Exception {
        Files.writeString(dir.resolve(SettingsStore.FILE_NAME),
                "{\"version\":1,\"client\":{\"endpoint\":{\"uri\":\"client.example.com\"}}}");
        SettingsStore.Loaded loaded = new SettingsStore(dir).load();
        assertThat(loaded.settings()).isEqualTo(WorkbenchSettings.defaults());
        assertThat(loaded.problem()).contains("Client uri");
    }

    @Test
    void unreadableFileGivesDefaults() throws Exception {
        Files.createDirectory(dir.resolve(SettingsStore.FILE_NAME)); // a directory where the file should be
        SettingsStore.Loaded loaded = new SettingsStore(dir).load();
        assertThat(loaded.settings()).isEqualTo(WorkbenchSettings.defaults());
        assertThat(loaded.problem()).contains("could not be read");
    }

    @Test
    void partialFileIsCompletedFromDefaults() throws Exception {
        Files.writeString(dir.resolve(SettingsStore.FILE_NAME), "{\"theme\":\"DARK\",\"future\":42}");
        SettingsStore.Loaded loaded = new SettingsStore(dir).load();
        assertThat(loaded.problem()).isNull();
        assertThat(loaded.settings()).isEqualTo(WorkbenchSettings.defaults().withTheme(Theme.DARK));
    }

    @Test
    void systemPropertyChoosesTheDirectory() {
        String before = System.getProperty(SettingsStore.DIRECTORY_PROPERTY);
        try {
            System.setProperty(SettingsStore.DIRECTORY_PROPERTY, dir.toString());
            assertThat(SettingsStore.defaultDirectory()).isEqualTo(dir);
        } finally {
            if (before == null) {
                System.clearProperty(SettingsStore.DIRECTORY_PROPERTY);
            } else {
                System.setProperty(SettingsStore.DIRECTORY_PROPERTY, before);
            }
        }
    }

    @Test
    void aFileFromBeforeTheRingTimeoutLoadsWithTheDefaultOne() throws Exception {
        Files.writeString(dir.resolve(SettingsStore.FILE_NAME), "{\"version\":1,\"client\":{\"endpoint\":"
                + "{\"uri\":\"sip:alice@lab.local\",\"useEmbeddedRegistrar\":true},\"ourServerUri\":\"sip:teacher@lab.local\"}}");
        SettingsStore.Loaded loaded = new SettingsStore(dir).load();
        assertThat(loaded.problem()).isNull();
        assertThat(loaded.settings().client().ourServerUri()).isEqualTo("sip:teacher@lab.local");
        assertThat(loaded.settings().client().ringTimeoutSeconds()).isEqualTo(ClientSideSettings.DEFAULT_RING_TIMEOUT_SECONDS);
    }

    @Test
    void aRingTimeoutOutOfRangeIsNamed() throws Exception {
        Files.writeString(dir.resolve(SettingsStore.FILE_NAME),
                "{\"version\":1,\"client\":{\"ourServerUri\":\"sip:teacher@lab.local\",\"ringTimeoutSeconds\":5000}}");
        SettingsStore.Loaded loaded = new SettingsStore(dir).load();
        assertThat(loaded.settings()).isEqualTo(WorkbenchSettings.defaults());
        assertThat(loaded.problem()).contains("Client ring timeout").contains("1 to 180");
    }
}
