package io.netform.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.config.LanguageVersion;
import io.netform.providers.Platform;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code netform version [-json]}: which Netform this is, the Terraform language it implements, and the platform. */
@Command(name = "version", description = "Show the current Netform version.")
final class VersionCommand implements Callable<Integer> {

    @ParentCommand
    private NetformCommand netform;

    @Option(names = "-json", description = "Output the version information as a JSON object.")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        Ui ui = netform.ui();
        if (json) {
            ObjectNode o = new ObjectMapper().createObjectNode();
            o.put("netform_version", BuildInfo.version());
            o.put("terraform_language_version", LanguageVersion.TERRAFORM);
            o.put("platform", Platform.current().toString());
            o.putObject("provider_selections");
            ui.out().println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(o));
        } else {
            ui.out().println("Netform v" + BuildInfo.version());
            ui.out().println("Terraform language " + LanguageVersion.TERRAFORM);
            ui.out().println("on " + Platform.current());
        }
        return 0;
    }
}
