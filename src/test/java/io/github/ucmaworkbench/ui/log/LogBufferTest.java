package io.github.ucmaworkbench.ui.log;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogBufferTest {
    @Test
    void drainsOldestFirstInBoundedBatches() {
        LogBuffer buffer = new LogBuffer(10);
        for (int i = 0; i < 5; i++) {
            buffer.offer(LogEntry.info("line " + i));
        }
        LogBuffer.Batch first = buffer.drain(3);
        assertThat(first.entries()).extracting(LogEntry::message).containsExactly("line 0", "line 1", "line 2");
        assertThat(buffer.drain().entries()).extracting(LogEntry::message).containsExactly("line 3", "line 4");
        assertThat(buffer.drain().isEmpty()).isTrue();
    }

    @Test
    void aFloodDropsTheOldestAndCountsThem() {
        LogBuffer buffer = new LogBuffer(3);
        for (int i = 0; i < 5; i++) {
            buffer.offer(LogEntry.info("line " + i));
        }
        LogBuffer.Batch batch = buffer.drain();
        assertThat(batch.dropped()).isEqualTo(2);
        assertThat(batch.entries()).extracting(LogEntry::message).containsExactly("line 2", "line 3", "line 4");
        assertThat(buffer.drain().dropped()).isZero();
    }
}
