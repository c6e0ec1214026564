package io.drover.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
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
        int exitCode = doCall();
        out().flush();
        return exitCode;
    }

    protected abstract int doCall() throws Exception;
}
