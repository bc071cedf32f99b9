package io.netform.moduletest;

import io.netform.addrs.AbsResource;
import io.netform.addrs.AddressParser;
import io.netform.addrs.InstanceKey;
import io.netform.addrs.ModuleInstance;
import io.netform.addrs.ResourceInstance;
import io.netform.config.TestFile;
import io.netform.plugins.ProviderClient;
import io.netform.walk.InstanceProviders;
import java.util.List;

/**
 * The override_resource, override_data and override_module blocks in force for one run: the run's win over the
 * file's, which win over those of the mock_provider that answers for the instance. Within each, an instance's own
 * address wins over its resource's or module call's; a module call or resource written without instance keys
 * covers all its instances.
 */
final class Overrides implements InstanceProviders {

    private final List<TestFile.Override> run;
    private final List<TestFile.Override> file;

    Overrides(List<TestFile.Override> run, List<TestFile.Override> file) {
        this.run = List.copyOf(run);
        this.file = List.copyOf(file);
    }

    @Override
    public ProviderClient of(ResourceInstance address, ProviderClient provider) {
        List<TestFile.Override> mocked = provider instanceof MockProvider m ? m.overrides() : List.of();
        for (List<TestFile.Override> level : List.of(run, file, mocked)) {
            TestFile.Override found = mostSpecific(level, address);
            if (found != null) {
                return new OverriddenProvider(provider, found);
            }
        }
        return provider;
    }

    @Override
    public StandIn standInFor(ModuleInstance module) {
        for (List<TestFile.Override> level : List.of(run, file)) {
            TestFile.Override found = null;
            for (TestFile.Override o : level) {
                if (o.target() instanceof AddressParser.ModuleTarget t && covers(t.module(), module)) {
                    if (t.module().equals(module)) {
                        found = o;
                        break;
                    }
                    found = found == null ? o : found;
                }
            }
            if (found != null) {
                return new StandIn(found.values(), found.range());
            }
        }
        return null;
    }

    private static TestFile.Override mostSpecific(List<TestFile.Override> overrides, ResourceInstance address) {
        TestFile.Override found = null;
        for (TestFile.Override o : overrides) {
            if (o.target() instanceof AddressParser.ResourceInstanceTarget t
                    && covers(t.instance().resource(), address)
                    && t.instance().key().equals(address.key())) {
                return o;
            }
            if (found == null
                    && o.target() instanceof AddressParser.ResourceTarget t
                    && covers(t.resource(), address)) {
                found = o;
            }
        }
        return found;
    }

    /** Whether {@code resource} names {@code address}'s resource, module calls without keys standing for any. */
    private static boolean covers(AbsResource resource, ResourceInstance address) {
        return resource.resource().equals(address.resource().resource()) && covers(resource.module(), address.module());
    }

    private static boolean covers(ModuleInstance written, ModuleInstance module) {
        if (written.steps().size() != module.steps().size()) {
            return false;
        }
        for (int i = 0; i < written.steps().size(); i++) {
            ModuleInstance.Call w = written.steps().get(i);
            ModuleInstance.Call m = module.steps().get(i);
            if (!w.name().equals(m.name())
                    || !(w.key().equals(InstanceKey.NONE) || w.key().equals(m.key()))) {
                return false;
            }
        }
        return true;
    }
}
