package io.netform.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** Asks the user to confirm on standard input, as Terraform does: only "yes" counts. */
final class Confirmation {

    private Confirmation() {}

    /**
     * Prints the question and its explanation and reads one line.
     *
     * @param explanation lines shown under the question, each starting with two spaces
     * @return whether the answer was {@code yes}
     */
    static boolean ask(Ui ui, String question, String explanation) {
        ui.out().print(ui.bold(question) + "\n" + explanation + "\n  " + ui.bold("Enter a value:") + " ");
        ui.out().flush();
        try {
            String answer = new BufferedReader(new InputStreamReader(ui.in(), StandardCharsets.UTF_8)).readLine();
            return "yes".equals(answer == null ? null : answer.strip());
        } catch (IOException e) {
            return false;
        }
    }
}
