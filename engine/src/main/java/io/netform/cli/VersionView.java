package io.netform.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.config.LanguageVersion;
import io.netform.json.ExactJson;
import io.netform.plugins.Platform;

/** How {@code version} shows itself: three lines for people, or Terraform's version JSON ({@code -json}). */
interface VersionView {

    /** Shows the version, the Terraform language version and the platform. */
    void show();

    /** The view {@code json} asks for. */
    static VersionView of(Ui ui, boolean json) {
        return json ? () -> json(ui) : () -> human(ui);
    }

    private static void human(Ui ui) {
        ui.out().println("Netform v" + BuildInfo.version());
        ui.out().println("Terraform language " + LanguageVersion.TERRAFORM);
        ui.out().println("on " + Platform.current());
    }

    private static void json(Ui ui) {
        ObjectNode o = ExactJson.MAPPER.createObjectNode();
        o.put("netform_version", BuildInfo.version());
        o.put("terraform_language_version", LanguageVersion.TERRAFORM);
        o.put("platform", Platform.current().toString());
        o.putObject("provider_selections");
        try {
            ui.out().println(ExactJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(o));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }
}
