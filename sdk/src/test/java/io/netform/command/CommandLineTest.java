package io.netform.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void flagsComeInPairsInOrder() {
        List<CommandLine.Flag> flags = new ArrayList<>();
        CommandLine.flags(new String[] {"--port", "0", "--data", "d"}).forEach(flags::add);

        assertThat(flags).containsExactly(new CommandLine.Flag("--port", "0"), new CommandLine.Flag("--data", "d"));
    }

    @Test
    void badFlagsAreRefusedWhereTheyStand() {
        List<String> seen = new ArrayList<>();

        assertThatThrownBy(() -> CommandLine.flags(new String[] {"--port", "0", "--data"})
                        .forEach(flag -> seen.add(flag.name())))
                .hasMessage("--data needs a value");
        assertThat(seen).containsExactly("--port");
        assertThatThrownBy(() -> CommandLine.flags(new String[] {"--help"}).forEach(flag -> {}))
                .hasMessage("help requested");
    }

    @Test
    void numbersAreWholeAndInRange() {
        assertThat(CommandLine.number(new CommandLine.Flag("--port", "443"), 0, 65535))
                .isEqualTo(443);
        assertThatThrownBy(() -> CommandLine.number(new CommandLine.Flag("--port", "70000"), 0, 65535))
                .hasMessage("--port must be a whole number in 0..65535, got '70000'");
        assertThatThrownBy(() -> CommandLine.number(new CommandLine.Flag("--rate-limit", "x"), 0, 10))
                .hasMessage("--rate-limit must be a whole number in 0..10, got 'x'");
    }
}
