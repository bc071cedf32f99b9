package io.netform.goplugin;

import io.grpc.stub.StreamObserver;
import io.netform.proto.tfplugin6.GetMetadata;
import io.netform.proto.tfplugin6.PlanResourceChange;
import io.netform.proto.tfplugin6.ProviderGrpc;
import io.netform.proto.tfplugin6.StopProvider;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;

/**
 * A plugin process for the tests and the benchmark: a tiny tfplugin6 provider served through
 * {@link PluginServer}, or one of the ways a plugin can misbehave, chosen by the first argument.
 */
public final class TestPlugin {

    private TestPlugin() {}

    public static void main(String[] args) throws InterruptedException {
        String mode = args.length == 0 ? "serve" : args[0];
        switch (mode) {
            case "serve" -> serve();
            case "logs" -> {
                HclogWriter log = new HclogWriter(System.err, "test-plugin");
                log.info("configuring the test plugin", "region", "eu-1");
                System.err.println("[WARN] a plain warning line");
                serve();
            }
            case "never-ready" -> {
                System.err.println("warming up, please wait");
                new CountDownLatch(1).await();
            }
            case "exit-early" -> {
                System.err.println("the test plugin cannot read its settings");
                System.exit(3);
            }
            case "garbage" -> {
                System.out.println("Hello! I am not a go-plugin.");
                System.out.flush();
                new CountDownLatch(1).await();
            }
            case "ignore-shutdown" -> {
                // An exit hook that never returns keeps the JVM alive after Shutdown, like a plugin
                // stuck in its own clean-up.
                Runtime.getRuntime().addShutdownHook(new Thread(TestPlugin::blockForever));
                serve();
            }
            case "slow" ->
                PluginServer.serve(
                        "test-plugin", MagicCookie.TERRAFORM, new TreeSet<>(List.of(6)), List.of(new SlowProvider()));
            default -> throw new IllegalArgumentException("unknown test plugin mode " + mode);
        }
    }

    private static void serve() {
        PluginServer.serve(
                "test-plugin", MagicCookie.TERRAFORM, new TreeSet<>(List.of(6)), List.of(new EchoProvider()));
    }

    private static void blockForever() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Plans whatever was proposed; GetMetadata also prints on stdout, to exercise GRPCStdio. */
    static final class EchoProvider extends ProviderGrpc.ProviderImplBase implements NonBlockingService {

        @Override
        public void getMetadata(GetMetadata.Request request, StreamObserver<GetMetadata.Response> responses) {
            System.out.println("metadata requested at " + Instant.now());
            responses.onNext(GetMetadata.Response.newBuilder()
                    .addResources(GetMetadata.ResourceMetadata.newBuilder().setTypeName("testing_object"))
                    .build());
            responses.onCompleted();
        }

        @Override
        public void planResourceChange(
                PlanResourceChange.Request request, StreamObserver<PlanResourceChange.Response> responses) {
            responses.onNext(PlanResourceChange.Response.newBuilder()
                    .setPlannedState(request.getProposedNewState())
                    .setPlannedPrivate(request.getPriorPrivate())
                    .build());
            responses.onCompleted();
        }
    }

    /**
     * An ordinary service, not marked non-blocking: PlanResourceChange blocks until StopProvider,
     * GetMetadata answers at once.
     */
    static final class SlowProvider extends ProviderGrpc.ProviderImplBase {

        private final CountDownLatch stopped = new CountDownLatch(1);

        @Override
        public void getMetadata(GetMetadata.Request request, StreamObserver<GetMetadata.Response> responses) {
            responses.onNext(GetMetadata.Response.getDefaultInstance());
            responses.onCompleted();
        }

        @Override
        public void planResourceChange(
                PlanResourceChange.Request request, StreamObserver<PlanResourceChange.Response> responses) {
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            responses.onNext(PlanResourceChange.Response.newBuilder()
                    .setPlannedState(request.getProposedNewState())
                    .build());
            responses.onCompleted();
        }

        @Override
        public void stopProvider(StopProvider.Request request, StreamObserver<StopProvider.Response> responses) {
            stopped.countDown();
            responses.onNext(StopProvider.Response.getDefaultInstance());
            responses.onCompleted();
        }
    }

    /** The command that runs this class in a fresh JVM with the test class path. */
    static List<String> command(String mode) {
        return command(
                mode,
                List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto"),
                System.getProperty("java.class.path"));
    }

    /** The same with chosen JVM options and class path. */
    static List<String> command(String mode, List<String> jvmOptions, String classPath) {
        return javaCommand(jvmOptions, classPath, TestPlugin.class.getName(), mode);
    }

    /** A command running {@code mainClass} in a fresh JVM of this Java installation. */
    static List<String> javaCommand(List<String> jvmOptions, String classPath, String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classPath, mainClass));
        command.addAll(List.of(args));
        return command;
    }
}
