package io.netform.moduletest;

import io.netform.addrs.ProviderSource;
import io.netform.config.TestFile;
import io.netform.core.ProviderFactory;
import io.netform.goplugin.PluginLogSink;
import io.netform.plugins.ProviderClient;
import java.nio.file.Path;
import java.util.Map;

/**
 * Providers where a test file's {@code mock_provider} blocks say so answer as mocks: the real provider is
 * started only for its schema and functions, and never configured.
 */
final class MockProviders implements ProviderFactory {

    private final ProviderFactory real;
    private final Map<ProviderSource, TestFile.MockProvider> mocks;

    MockProviders(ProviderFactory real, Map<ProviderSource, TestFile.MockProvider> mocks) {
        this.real = real;
        this.mocks = Map.copyOf(mocks);
    }

    @Override
    public Starter forCommand(Path workingDir, PluginLogSink log) {
        Starter starter = real.forCommand(workingDir, log);
        return (source, constraint) -> {
            ProviderClient provider = starter.start(source, constraint);
            TestFile.MockProvider mock = mocks.get(source);
            return mock == null ? provider : new MockProvider(provider, mock);
        };
    }
}
