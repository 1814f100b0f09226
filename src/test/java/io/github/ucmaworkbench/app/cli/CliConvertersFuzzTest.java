package io.github.ucmaworkbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import picocli.CommandLine.TypeConversionException;

/** Command-line values: a value, or picocli's TypeConversionException with a message for the user. */
class CliConvertersFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void headerOptionConvertsOrExplains(@NotNull String value) {
        try {
            assertThat(new HeaderConverter().convert(value)).isNotNull();
        } catch (TypeConversionException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @FuzzTest(maxDuration = "30s")
    void hostPortOptionConvertsOrExplains(@NotNull String value) {
        try {
            HostPort hostPort = new HostPort.Converter().convert(value);
            assertThat(hostPort.host()).isNotBlank();
            assertThat(hostPort.port()).isBetween(0, 65535);
        } catch (TypeConversionException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @FuzzTest(maxDuration = "30s")
    void policyOptionConvertsOrExplains(@NotNull String value) {
        try {
            assertThat(new PolicyConverter().convert(value)).isNotNull();
        } catch (TypeConversionException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }
}
