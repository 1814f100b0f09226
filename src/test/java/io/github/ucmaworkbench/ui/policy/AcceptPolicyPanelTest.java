package io.github.ucmaworkbench.ui.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.settings.AcceptPolicySettings;
import io.github.ucmaworkbench.settings.AcceptPolicySettings.Kind;
import java.awt.Component;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JComboBox;
import javax.swing.JSpinner;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;

/** The seconds spinner of "Ask me" is made on first use (issue 14, cold start) and behaves as before. */
class AcceptPolicyPanelTest {
    private static final String NAME = "policy";

    @Test
    void theSpinnerIsMadeOnlyOnceAskIsChosenAndShowsTheSecondsLoadedBefore() throws Exception {
        SwingUtilities.invokeAndWait(() -> {
            AcceptPolicyPanel panel = new AcceptPolicyPanel(NAME);
            assertThat(spinner(panel)).isNull(); // the window's first frame has no spinner
            panel.load(new AcceptPolicySettings(Kind.ACCEPT_ALL, 486, "Busy Here", "X-Lesson", 45));
            assertThat(spinner(panel)).isNull();
            assertThat(panel.policy().askTimeoutSeconds()).isEqualTo(45);

            List<AcceptPolicySettings> chosen = new ArrayList<>();
            panel.setPolicyListener(chosen::add);
            kind(panel).setSelectedItem(Kind.ASK);
            JSpinner spinner = spinner(panel);
            assertThat(spinner).isNotNull();
            assertThat(spinner.isVisible()).isTrue();
            assertThat(spinner.getValue()).isEqualTo(45);
            assertThat(chosen).extracting(AcceptPolicySettings::kind).containsExactly(Kind.ASK);

            spinner.setValue(30); // the spinner hands its choice on, as before
            assertThat(chosen.get(chosen.size() - 1).askTimeoutSeconds()).isEqualTo(30);

            kind(panel).setSelectedItem(Kind.ACCEPT_ALL);
            assertThat(spinner.isVisible()).isFalse();
            assertThat(panel.policy().askTimeoutSeconds()).isEqualTo(30);
        });
    }

    @Test
    void loadingAnAskPolicyMakesTheSpinnerAfterItsLabel() throws Exception {
        SwingUtilities.invokeAndWait(() -> {
            AcceptPolicyPanel panel = new AcceptPolicyPanel(NAME);
            panel.load(new AcceptPolicySettings(Kind.ASK, 486, "Busy Here", "X-Lesson", 200)); // clamped to the maximum
            JSpinner spinner = spinner(panel);
            assertThat(spinner.getValue()).isEqualTo(120);
            Component before = panel.getComponent(panel.getComponentZOrder(spinner) - 1);
            assertThat(before).isInstanceOfSatisfying(javax.swing.JLabel.class,
                    label -> assertThat(label.getText()).isEqualTo("Decline after (s)"));
            panel.load(AcceptPolicySettings.defaults());
            assertThat(spinner(panel)).isSameAs(spinner); // made once
            assertThat(spinner.getValue()).isEqualTo(AcceptPolicySettings.DEFAULT_ASK_TIMEOUT_SECONDS);
        });
    }

    private static JSpinner spinner(AcceptPolicyPanel panel) {
        for (Component c : panel.getComponents()) {
            if ((NAME + AcceptPolicyPanel.ASK_SECONDS).equals(c.getName())) {
                return (JSpinner) c;
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static JComboBox<Kind> kind(AcceptPolicyPanel panel) {
        for (Component c : panel.getComponents()) {
            if ((NAME + AcceptPolicyPanel.KIND).equals(c.getName())) {
                return (JComboBox<Kind>) c;
            }
        }
        throw new AssertionError("no kind box");
    }
}
