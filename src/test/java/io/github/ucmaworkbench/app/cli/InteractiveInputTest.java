package io.github.ucmaworkbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which standard input counts as someone at a terminal (proc(5) stat lines as Linux writes them). */
class InteractiveInputTest {
    @Test
    void aProcessInTheTerminalsForegroundGroupIsInteractive() {
        assertThat(InteractiveInput.inForeground("4242 (java) S 4200 4242 4200 34816 4242 4194304 1 2 3")).isTrue();
    }

    @Test
    void aBackgroundJobOrAProcessWithoutTerminalIsNot() {
        // started with &: the terminal's foreground group (tpgid) is the shell's
        assertThat(InteractiveInput.inForeground("4242 (java) S 4200 4242 4200 34816 4200 4194304")).isFalse();
        // systemd, a container: no controlling terminal, tpgid -1
        assertThat(InteractiveInput.inForeground("4242 (java) S 1 4242 4242 0 -1 4194304")).isFalse();
    }

    @Test
    void aCommandNameWithSpacesAndParenthesesIsSkippedWhole() {
        assertThat(InteractiveInput.inForeground("4242 (my (odd) java) S 4200 4242 4200 34816 4242 0")).isTrue();
    }

    @Test
    void onlyTerminalDevicesCount() {
        assertThat(InteractiveInput.isTerminalDevice("/dev/pts/3")).isTrue();
        assertThat(InteractiveInput.isTerminalDevice("/dev/tty1")).isTrue();
        assertThat(InteractiveInput.isTerminalDevice("/dev/null")).isFalse();
        assertThat(InteractiveInput.isTerminalDevice("pipe:[123456]")).isFalse();
    }

    @Test
    void thisTestRunHasNoInteractiveInput() {
        // Maven's forked JVM reads its commands from a pipe, never from a terminal.
        assertThat(InteractiveInput.isInteractive()).isFalse();
    }
}
