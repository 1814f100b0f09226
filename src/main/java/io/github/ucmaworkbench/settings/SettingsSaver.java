package io.github.ucmaworkbench.settings;

import java.io.IOException;

/**
 * Where {@link SettingsHolder} saves each change. The JSON file lives in app (this layer knows no
 * file format), so the holder only sees this seam.
 */
public interface SettingsSaver {
    /** Saves {@code settings} so that the next start reads them back; all or nothing. */
    void save(WorkbenchSettings settings) throws IOException;

    /** Where the settings go, for the sentence shown when saving fails. */
    String location();
}
