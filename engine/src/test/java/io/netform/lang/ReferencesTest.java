package io.netform.lang;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.hcl.HclParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferencesTest {

    static List<String> refs(String expression) {
        var parsed = HclParser.parseExpression("t.tf", expression);
        assertThat(parsed.diagnostics()).isEmpty();
        return References.of(parsed.value()).stream().map(Reference::toString).toList();
    }

    @Test
    void findsTheLongestStaticPathOfEachReference() {
        assertThat(refs("nsxt_policy_segment.ns[\"web\"].path"))
                .containsExactly("nsxt_policy_segment.ns[\"web\"].path");
        assertThat(refs("nsxt_policy_segment.ns[each.key].path")).containsExactly("nsxt_policy_segment.ns", "each.key");
        assertThat(refs("module.cluster.tier1_path")).containsExactly("module.cluster.tier1_path");
        assertThat(refs("var.zones[0]")).containsExactly("var.zones[0]");
    }

    @Test
    void seesThroughEveryKindOfExpression() {
        assertThat(refs("\"${var.a}-%{if local.b}${data.x.y.id}%{endif}\""))
                .containsExactly("var.a", "local.b", "data.x.y.id");
        assertThat(refs("cidrsubnet(var.block, 8, count.index) == 1 ? [path.module] : {k = self.x}"))
                .containsExactly("var.block", "count.index", "path.module", "self.x");
        assertThat(refs("aws_instance.web[*].id")).containsExactly("aws_instance.web");
    }

    @Test
    void namesBoundByForAreNotReferences() {
        assertThat(refs("[for k, v in var.m : \"${k}${v.x}${local.suffix}\" if v != null]"))
                .containsExactly("var.m", "local.suffix");
        assertThat(refs("\"%{for ns in var.namespaces}${ns}${var.sep}%{endfor}\""))
                .containsExactly("var.namespaces", "var.sep");
    }
}
