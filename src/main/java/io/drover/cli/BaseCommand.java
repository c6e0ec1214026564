package io.drover.cli;

import io.drover.metrics.DroverMetrics;
import io.drover.metrics.MetricsServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;

/** Every command: output through picocli's writers, Spring beans on demand, an exit code from {@link #doCall()}. */
public abstract class BaseCommand implements Callable<Integer> {

    @Spec
    protected CommandSpec spec;

    private final SpringContext spring;

    protected BaseCommand(SpringContext spring) {
        this.spring = spring;
    }

    protected <T> T bean(Class<T> type) {
        return spring.bean(type);
    }

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    @Override
    public Integer call() throws Exception {
        try (MetricsServer metrics = startMetrics()) {
            int exitCode = doCall();
            out().flush();
            return exitCode;
        }
    }

    /** The metrics endpoint when {@code --metrics-port} asks for one, else null (nothing to close). */
    private MetricsServer startMetrics() throws IOException {
        OptionSpec option = spec.findOption("--metrics-port");
        Integer port = option == null ? null : option.getValue();
        if (port == null) {
            return null;
        }
        MetricsServer server = MetricsServer.start(bean(DroverMetrics.class), port);
        spec.commandLine().getErr().printf("drover: metrics at http://127.0.0.1:%d/metrics%n", server.port());
        spec.commandLine().getErr().flush();
        return server;
    }

    protected abstract int doCall() throws Exception;
}
