package io.netform.walk;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.hcl.Block;
import io.netform.hcl.Body;
import io.netform.hcl.Diagnostic;
import io.netform.hcl.HclParser;
import io.netform.value.AttributePath;
import io.netform.wire.ProviderDiagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where a provider's diagnostics about a block point, as Terraform's InConfigBody places them. */
class ProviderDiagnosticsTest {

    private static final String TEXT =
            "\n\n\n\n\n\nresource \"kubernetes_config_map\" \"legacy\" {\n" + "  data = { a = \"b\" }\n}\n";

    private static final Block BLOCK =
            HclParser.parseFile("main.tf", TEXT).value().blocks().get(0);

    private static Diagnostic placed(AttributePath path) {
        Body body = BLOCK.body();
        List<Diagnostic> out = ProviderDiagnostics.of(
                "kubernetes_config_map.legacy",
                body,
                BLOCK.labels().get(1).range(),
                List.of(new ProviderDiagnostic(false, "Deprecated Resource", "Use the _v1 name.", path)));
        return out.get(0);
    }

    @Test
    void aWarningAboutTheWholeBlockPointsAtItsOpeningBrace() {
        Diagnostic d = placed(null);

        assertThat(d.subject()).hasToString("main.tf:7:43");
        assertThat(d.subject().endByte()).isEqualTo(d.subject().startByte());
    }

    @Test
    void aWarningAboutAnArgumentNotWrittenPointsAtTheOpeningBraceToo() {
        assertThat(placed(AttributePath.of("immutable")).subject()).hasToString("main.tf:7:43");
    }

    @Test
    void aWarningAboutAWrittenArgumentPointsAtItsValue() {
        assertThat(placed(AttributePath.of("data")).subject()).hasToString("main.tf:8:10");
    }
}
