/**
 * The settings model: both sides' endpoints, the accept policy, the theme, the classroom's users
 * file, where the window was. Plain immutable records, validated here (one human sentence per problem), with no Swing and
 * no file format: ui edits them, app stores them as JSON through {@link SettingsSaver}.
 *
 * <p>Vocabulary: a <em>side</em> ({@code SideSettings}, {@code ClientSideSettings}) is what the user
 * chose for one half of the window, which may say "use the embedded registrar"; the tutorial's
 * {@code EndpointSettings} is the resolved address its code signs in with, made from a side in app.
 * {@link AcceptPolicySettings} is the only place the chosen policy and the tutorial's
 * {@code AcceptPolicy} convert into each other.
 *
 * <p>May import tutorial, rtc (value types) and common. Any thread: values are immutable, and
 * {@link SettingsHolder} tells its listeners on the caller's thread.
 */
package io.github.ucmaworkbench.settings;
