package io.netform.config;

import io.netform.addrs.ProviderSource;
import io.netform.hcl.Attribute;
import io.netform.hcl.Block;
import io.netform.hcl.BlockLabel;
import io.netform.hcl.Diagnostic;
import io.netform.hcl.JsonSyntax;
import io.netform.hcl.SourceRange;
import io.netform.plugins.VersionConstraint;
import io.netform.value.Type;
import io.netform.value.Value;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Decodes a {@code terraform} block: required_version, required_providers, the backend and encryption. */
final class SettingsDecoder {

    private SettingsDecoder() {}

    static Module.Settings decode(Block b, Module.Settings previous, List<Diagnostic> diagnostics) {
        BodyContent c = BodyDecoder.of(
                        Set.of("required_version", "experiments"),
                        Set.of(),
                        Map.of("required_providers", 0, "backend", 1, "cloud", 0, "provider_meta", 1, "encryption", 0))
                .decode(JsonSyntax.withBlocks(b.body(), Set.of("encryption")), "terraform", diagnostics);
        String requiredVersion = previous.requiredVersion();
        var versionAttr = c.attribute("required_version");
        if (versionAttr.isPresent()) {
            String text = Literals.string(versionAttr.get().expression(), "required_version", diagnostics);
            if (text != null) {
                LanguageVersion.check(versionAttr.get(), text, diagnostics);
                requiredVersion = text;
            }
        }
        Map<String, ProviderRequirement> required = new LinkedHashMap<>(previous.requiredProviders());
        for (Block rp : c.blocks("required_providers")) {
            for (Attribute a : rp.body().attributes()) {
                ProviderRequirement r = requirement(a, diagnostics);
                if (r != null) {
                    required.put(r.localName(), r);
                }
            }
        }
        BackendBlock backend = previous.backend();
        for (Block block : c.blocks("backend")) {
            backend = backend(block, diagnostics);
        }
        for (Block cloud : c.blocks("cloud")) {
            diagnostics.add(Diagnostic.error(
                    "Unsupported block type",
                    "Netform does not support HCP Terraform " + "(\"cloud\" blocks); use a backend block.",
                    cloud.typeRange()));
        }
        EncryptionConfig encryption = previous.encryption();
        for (Block block : c.blocks("encryption")) {
            encryption = EncryptionConfig.decode(block.body(), diagnostics);
        }
        return new Module.Settings(requiredVersion, required, backend, encryption);
    }

    private static BackendBlock backend(Block b, List<Diagnostic> diagnostics) {
        Map<String, SourceRange> ranges = new LinkedHashMap<>();
        Map<String, String> config = BackendBlock.settings(b.body(), ranges, diagnostics);
        for (Block nested : b.body().blocks()) {
            diagnostics.add(Diagnostic.error(
                    "Unsupported block type",
                    "Blocks of type \"" + nested.type() + "\" are not expected in a backend block.",
                    nested.typeRange()));
        }
        BlockLabel label = b.labels().get(0);
        return new BackendBlock(label.value(), config, b.typeRange().to(label.range()), ranges);
    }

    private static ProviderRequirement requirement(Attribute a, List<Diagnostic> diagnostics) {
        Value v = Literals.constant(a.expression(), "a provider requirement", diagnostics);
        if (v == null) {
            return null;
        }
        String source = null;
        String version = null;
        if (v.type() == Type.STRING) {
            version = v.asString();
        } else if (v.type() instanceof Type.ObjectType o) {
            for (String key : o.attributeTypes().keySet()) {
                Value field = v.getAttr(key);
                if (!Set.of("source", "version", "configuration_aliases").contains(key)) {
                    diagnostics.add(Diagnostic.error(
                            "Invalid required_providers object",
                            "required_providers "
                                    + "objects can only contain \"version\", \"source\" and \"configuration_aliases\" "
                                    + "attributes, not \"" + key + "\".",
                            a.expression().range()));
                    return null;
                }
                if (field.type() == Type.STRING && !field.isNull()) {
                    if (key.equals("source")) {
                        source = field.asString();
                    } else if (key.equals("version")) {
                        version = field.asString();
                    }
                }
            }
        } else {
            diagnostics.add(Diagnostic.error(
                    "Invalid required_providers syntax",
                    "A provider requirement must be an " + "object with \"source\" and \"version\".",
                    a.expression().range()));
            return null;
        }
        try {
            ProviderSource parsed = source == null ? ProviderSource.implied(a.name()) : ProviderSource.parse(source);
            VersionConstraint constraint = version == null ? VersionConstraint.any() : VersionConstraint.parse(version);
            return new ProviderRequirement(a.name(), parsed, constraint, a.nameRange());
        } catch (IllegalArgumentException e) {
            diagnostics.add(Diagnostic.error(
                    "Invalid provider requirement",
                    capitalize(e.getMessage()) + ".",
                    a.expression().range()));
            return null;
        }
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
