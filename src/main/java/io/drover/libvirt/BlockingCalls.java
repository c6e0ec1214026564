package io.drover.libvirt;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Threads for libvirt calls that may block for minutes in native code and cannot be interrupted: callers wait on
 * them with a deadline and leave a hung call behind; daemon threads never keep the JVM from exiting.
 */
public final class BlockingCalls {

    private BlockingCalls() {
    }

    public static ExecutorService newDaemonPool(String threadName) {
        return Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }
}
