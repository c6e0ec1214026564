package io.drover.execute;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Caps concurrent libvirt calls per host: libvirtd serves at most {@code max_client_requests} (5) calls of a
 * client at once and queues or refuses the rest, and a running migration holds one for its whole duration.
 */
public final class HostCallLimiter {

    private final int permitsPerHost;
    private final Map<String, Semaphore> byHost = new ConcurrentHashMap<>();

    public HostCallLimiter(int permitsPerHost) {
        this.permitsPerHost = permitsPerHost;
    }

    public <T> T call(String host, Supplier<T> call) {
        Semaphore permits = byHost.computeIfAbsent(host, name -> new Semaphore(permitsPerHost, true));
        permits.acquireUninterruptibly();
        try {
            return call.get();
        } finally {
            permits.release();
        }
    }

    public void run(String host, Runnable call) {
        call(host, () -> {
            call.run();
            return null;
        });
    }

    /** Calls in progress on a host now (for tests and logs). */
    public int inUse(String host) {
        Semaphore permits = byHost.get(host);
        return permits == null ? 0 : permitsPerHost - permits.availablePermits();
    }
}
