package io.github.ucmaworkbench.ui.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ViewWarmUpTest {

    @Test
    void findsEveryClassItNamesAndRunsItsSamplesOffTheEventThread() {
        assertThat(ViewWarmUp.run()).as("classes the warm-up names but cannot find").isEmpty();
    }
}
