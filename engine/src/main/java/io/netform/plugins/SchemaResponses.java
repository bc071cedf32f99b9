package io.netform.plugins;

import io.netform.proto.tfplugin6.Diagnostic;
import io.netform.proto.tfplugin6.GetFunctions;
import io.netform.proto.tfplugin6.GetProviderSchema;
import io.netform.wire.FunctionSignature;
import io.netform.wire.InvalidSchemaException;
import io.netform.wire.ProviderSchema;
import io.netform.wire.SchemaMessages;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Reads a provider's GetProviderSchema and GetFunctions responses: the errors it reported instead,
 * or a schema it sent that cannot be read, become a {@link ProviderException} naming the provider.
 */
final class SchemaResponses {

    private final String provider;

    /** @param provider the provider's name, for messages about a schema that cannot be read */
    SchemaResponses(String provider) {
        this.provider = provider;
    }

    /**
     * The schema in the response.
     *
     * @throws ProviderException when the provider reported errors or sent a schema that cannot be read
     */
    ProviderSchema decode(GetProviderSchema.Response response) {
        requireNoErrors(response.getDiagnosticsList(), "its schema");
        return readable(() -> SchemaMessages.decode(response));
    }

    /**
     * The provider's functions, by name.
     *
     * @throws ProviderException when the provider reported errors or sent a signature that cannot be read
     */
    Map<String, FunctionSignature> decodeFunctions(GetFunctions.Response response) {
        requireNoErrors(response.getDiagnosticsList(), "its functions");
        return readable(() -> SchemaMessages.decodeFunctions(response.getFunctionsMap()));
    }

    private void requireNoErrors(List<Diagnostic> diagnostics, String what) {
        String errors = diagnostics.stream()
                .filter(d -> d.getSeverity() != Diagnostic.Severity.WARNING)
                .map(d -> d.getDetail().isEmpty() ? d.getSummary() : d.getSummary() + ": " + d.getDetail())
                .collect(Collectors.joining("\n  "));
        if (!errors.isEmpty()) {
            throw new ProviderException("The provider " + provider + " could not report " + what + ":\n  " + errors);
        }
    }

    private <T> T readable(Supplier<T> decode) {
        try {
            return decode.get();
        } catch (InvalidSchemaException e) {
            throw new ProviderException("The provider " + provider + " sent a schema Netform cannot read: "
                    + e.getMessage() + ". This is a bug in the provider.");
        }
    }
}
