package io.github.ucmaworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucmaworkbench.settings.WindowLayout;
import java.awt.Dimension;
import java.awt.Rectangle;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WindowPlacementTest {
    private static final Dimension PREFERRED = new Dimension(1280, 840);
    private static final Dimension MINIMUM = new Dimension(640, 480);

    @Test
    void firstStartOnAProjectorTakesTheWholeUsableScreenMaximized() {
        Rectangle projector = new Rectangle(0, 0, 1024, 740); // 1024x768 less a 28-pixel panel
        WindowPlacement.Placement placed = WindowPlacement.initial(WindowLayout.UNSET, List.of(projector), PREFERRED, MINIMUM);
        assertThat(placed.bounds()).isEqualTo(projector);
        assertThat(placed.maximized()).isTrue();
    }

    @Test
    void firstStartAt1280x800IsMaximizedToo() {
        Rectangle screen = new Rectangle(0, 0, 1280, 800);
        WindowPlacement.Placement placed = WindowPlacement.initial(WindowLayout.UNSET, List.of(screen), PREFERRED, MINIMUM);
        assertThat(placed.bounds()).isEqualTo(screen);
        assertThat(placed.maximized()).isTrue();
    }

    @Test
    void firstStartOnALargeScreenIsCentredAtThePreferredSize() {
        WindowPlacement.Placement placed = WindowPlacement.initial(WindowLayout.UNSET,
                List.of(new Rectangle(0, 0, 1920, 1080)), PREFERRED, MINIMUM);
        assertThat(placed.bounds()).isEqualTo(new Rectangle(320, 120, 1280, 840));
        assertThat(placed.maximized()).isFalse();
    }

    @Test
    void rememberedBoundsOnTheScreenAreKept() {
        WindowLayout stored = new WindowLayout(100, 50, 900, 700, false, Map.of());
        WindowPlacement.Placement placed = WindowPlacement.initial(stored, List.of(new Rectangle(0, 0, 1920, 1080)),
                PREFERRED, MINIMUM);
        assertThat(placed.bounds()).isEqualTo(new Rectangle(100, 50, 900, 700));
        assertThat(placed.maximized()).isFalse();
    }

    @Test
    void boundsOnAMonitorThatIsGoneAreMovedOntoTheScreen() {
        WindowLayout stored = new WindowLayout(2500, 300, 1200, 800, true, Map.of());
        WindowPlacement.Placement placed = WindowPlacement.initial(stored, List.of(new Rectangle(0, 0, 1920, 1080)),
                PREFERRED, MINIMUM);
        assertThat(placed.bounds()).isEqualTo(new Rectangle(720, 280, 1200, 800));
        assertThat(placed.maximized()).isTrue();
    }

    @Test
    void boundsLargerThanTheScreenShrinkOntoIt() {
        WindowLayout stored = new WindowLayout(-400, -300, 2560, 1440, false, Map.of());
        WindowPlacement.Placement placed = WindowPlacement.initial(stored, List.of(new Rectangle(0, 24, 1024, 744)),
                PREFERRED, MINIMUM);
        assertThat(placed.bounds()).isEqualTo(new Rectangle(0, 24, 1024, 744));
    }

    @Test
    void aTinyRememberedSizeGrowsToTheMinimum() {
        WindowLayout stored = new WindowLayout(10, 10, 20, 20, false, Map.of());
        WindowPlacement.Placement placed = WindowPlacement.initial(stored, List.of(new Rectangle(0, 0, 1920, 1080)),
                PREFERRED, MINIMUM);
        assertThat(placed.bounds()).isEqualTo(new Rectangle(10, 10, 640, 480));
    }

    @Test
    void boundsOnASecondScreenStayThere() {
        Rectangle primary = new Rectangle(0, 0, 1920, 1080);
        Rectangle second = new Rectangle(1920, 0, 1024, 768);
        WindowLayout stored = new WindowLayout(2000, 100, 900, 600, false, Map.of());
        WindowPlacement.Placement placed = WindowPlacement.initial(stored, List.of(primary, second), PREFERRED, MINIMUM);
        assertThat(placed.bounds()).isEqualTo(new Rectangle(2000, 100, 900, 600));
    }

    @Test
    void dividerSharesOutsideZeroToOneAreDropped() {
        WindowLayout layout = new WindowLayout(0, 0, 0, 0, false, Map.of("a", 0.4, "b", 1.5, "c", -0.1, "d", 0.0));
        assertThat(layout.dividers()).containsOnly(Map.entry("a", 0.4));
        assertThat(layout.hasBounds()).isFalse();
    }
}
