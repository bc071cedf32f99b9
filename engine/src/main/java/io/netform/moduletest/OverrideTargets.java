package io.netform.moduletest;

import io.netform.config.LoadResult;
import io.netform.config.Module;
import io.netform.config.ModuleLoader;
import io.netform.config.TestFile;
import io.netform.config.TestFiles;
import io.netform.hcl.Diagnostic;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Terraform's warnings for override blocks whose target the configuration under test does not declare: most
 * likely a typo, since such an override never applies. {@code test} gives them as it runs a file, {@code validate}
 * as it checks the test files.
 */
public final class OverrideTargets {

    private OverrideTargets() {}

    /**
     * The warnings for every test file of the module in {@code moduleDir}: its own, its mock providers' and its
     * runs' overrides. None when the module under test does not load (its errors say why).
     */
    public static List<Diagnostic> unused(TestFiles tests, Path moduleDir) {
        LoadResult underTest = ModuleLoader.load(moduleDir);
        if (underTest.hasErrors()) {
            return List.of();
        }
        Map<String, LoadResult> runModules = new HashMap<>();
        List<Diagnostic> out = new ArrayList<>();
        for (TestFile file : tests.files().values()) {
            out.addAll(unusedInFile(file, moduleDir, underTest));
            for (TestFile.Run run : file.runs()) {
                LoadResult config = run.module() == null
                        ? underTest
                        : runModules.computeIfAbsent(
                                run.module(),
                                m -> ModuleLoader.load(moduleDir.resolve(m).normalize()));
                if (!config.hasErrors()) {
                    out.addAll(unusedInRun(run, config.root()));
                }
            }
        }
        return out;
    }

    /**
     * The warnings for the file's and its mock providers' overrides whose target neither the module under test
     * nor any run's own module declares; none without the module under test.
     */
    static List<Diagnostic> unusedInFile(TestFile file, Path moduleDir, LoadResult underTest) {
        if (underTest == null) {
            return List.of();
        }
        List<Module> configurations = new ArrayList<>();
        if (!underTest.hasErrors()) {
            configurations.add(underTest.root());
        }
        file.runs().stream()
                .map(TestFile.Run::module)
                .filter(Objects::nonNull)
                .distinct()
                .map(m -> ModuleLoader.load(moduleDir.resolve(m).normalize()))
                .filter(loaded -> !loaded.hasErrors())
                .forEach(loaded -> configurations.add(loaded.root()));
        List<TestFile.Override> overrides = new ArrayList<>();
        file.mocks().forEach(m -> overrides.addAll(m.overrides()));
        overrides.addAll(file.overrides());
        return overrides.stream()
                .filter(o -> configurations.stream().noneMatch(c -> c.declares(o.target())))
                .map(OverrideTargets::unused)
                .toList();
    }

    /** The warnings for the run's own overrides whose target {@code config}, the configuration it runs, lacks. */
    static List<Diagnostic> unusedInRun(TestFile.Run run, Module config) {
        return run.overrides().stream()
                .filter(o -> !config.declares(o.target()))
                .map(OverrideTargets::unused)
                .toList();
    }

    private static Diagnostic unused(TestFile.Override override) {
        return Diagnostic.warning(
                "Invalid override target",
                "The override target " + override.target() + " does not exist within the configuration under test. "
                        + "This could indicate a typo in the target address or an unnecessary override.",
                override.targetRange());
    }
}
