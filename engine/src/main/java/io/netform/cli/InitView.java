package io.netform.cli;

import io.netform.hcl.Diagnostic;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * How {@code init} reports its steps: for people, or as Terraform's machine-readable UI ({@code -json},
 * {@code init_output} messages with a {@code message_code}); chosen once from the flags.
 */
interface InitView {

    /** The view {@code json} asks for. */
    static InitView of(Ui ui, boolean json, boolean inAutomation) {
        return json
                ? new Json(new JsonUiStream(ui.out(), Clock.systemUTC()), ui, inAutomation)
                : new Human(ui, inAutomation);
    }

    /** Installing modules started. */
    void modulesStarting();

    /** One line about a module installed. */
    void module(String line);

    /** Every module was installed (after at least one was). */
    void modulesDone();

    /** Shows diagnostics whose files' text is in {@code sources}; returns whether any is an error. */
    boolean diagnostics(List<Diagnostic> diagnostics, Map<String, String> sources);

    /** Selecting provider plugins started. */
    void providersStarting();

    /** The backend step begins. */
    void backendStarting();

    /** One line about the backend: configured, state copied. */
    void backend(String text);

    /** One provider selected, as {@code text} says. */
    void provider(String text);

    /** init succeeded. */
    void initialized();

    /** What to run next, for a person at a terminal. */
    String CALL_TO_ACTION = "You may now begin working with Netform. Try running \"netform "
            + "plan\" to see any changes that are required for your infrastructure.";

    /** init for people. */
    record Human(Ui ui, boolean inAutomation) implements InitView {

        @Override
        public void modulesStarting() {
            ui.out().println(ui.bold("Initializing modules..."));
        }

        @Override
        public void module(String line) {
            ui.out().println(line);
        }

        @Override
        public void modulesDone() {
            ui.out().println();
        }

        @Override
        public boolean diagnostics(List<Diagnostic> diagnostics, Map<String, String> sources) {
            return new DiagnosticPrinter(ui, sources).print(diagnostics);
        }

        @Override
        public void providersStarting() {
            ui.out().println(ui.bold("Initializing provider plugins..."));
        }

        @Override
        public void backendStarting() {
            ui.out().println(ui.bold("Initializing the backend..."));
        }

        @Override
        public void backend(String text) {
            ui.out().println(text);
        }

        @Override
        public void provider(String text) {
            ui.out().println("- " + text);
        }

        @Override
        public void initialized() {
            ui.out().println();
            ui.out().println(ui.green(ui.bold("Netform has been successfully initialized!")));
            if (!inAutomation) {
                ui.out().println("\n" + CALL_TO_ACTION);
            }
        }
    }

    /** init as the machine-readable UI; the stream starts with its version message. */
    final class Json implements InitView {

        private final JsonUiStream stream;
        private final Ui ui;
        private final boolean inAutomation;

        Json(JsonUiStream stream, Ui ui, boolean inAutomation) {
            this.stream = stream;
            this.ui = ui;
            this.inAutomation = inAutomation;
            stream.version(BuildInfo.version());
        }

        @Override
        public void modulesStarting() {
            stream.initOutput("initializing_modules_message", "Initializing modules...");
        }

        @Override
        public void module(String line) {
            stream.log("info", line);
        }

        @Override
        public void modulesDone() {}

        @Override
        public boolean diagnostics(List<Diagnostic> diagnostics, Map<String, String> sources) {
            return new DiagnosticPrinter(ui, sources, stream, false).print(diagnostics);
        }

        @Override
        public void providersStarting() {
            stream.initOutput("initializing_provider_plugin_message", "Initializing provider plugins...");
        }

        @Override
        public void backendStarting() {
            stream.initOutput("initializing_backend_message", "Initializing the backend...");
        }

        @Override
        public void backend(String text) {
            stream.log("info", text);
        }

        @Override
        public void provider(String text) {
            stream.log("info", text);
        }

        @Override
        public void initialized() {
            stream.initOutput("output_init_success_message", "Netform has been successfully initialized!");
            if (!inAutomation) {
                stream.initOutput("output_init_success_cli_message", CALL_TO_ACTION);
            }
        }
    }
}
