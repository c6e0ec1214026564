package io.drover.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Starts the embedded PostgreSQL on a thread of its own as soon as Spring knows its settings, so that the server comes
 * up while Spring builds the rest of the context: every command waited about half a second for it otherwise (more
 * on a loaded machine), a visible share of a short {@code drover apply}. {@link DatabaseConfiguration} takes
 * the started server over; a server no context took over (the context failed first) is stopped when the JVM exits.
 *
 * <p>Registered in {@code META-INF/spring.factories}: it must run before the context exists.
 */
public final class EmbeddedDatabaseEarlyStart implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    /** A server being started on one data directory, to be taken over by the context once. */
    static final class Starting {

        private final Path dataDirectory;
        private final CompletableFuture<EmbeddedDatabase> server;
        private boolean taken;

        Starting(Path dataDirectory) {
            this.dataDirectory = dataDirectory;
            this.server = CompletableFuture.supplyAsync(() -> {
                try {
                    return EmbeddedDatabase.open(dataDirectory);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, task -> daemon("embedded-postgresql-start", task).start());
            Runtime.getRuntime().addShutdownHook(daemon("embedded-postgresql-untaken", this::closeIfUntaken));
        }

        /** The server, once started, if it is on {@code dataDirectory}; empty if started for another directory. */
        synchronized Optional<EmbeddedDatabase> take(Path dataDirectory) throws IOException {
            if (taken || !this.dataDirectory.equals(dataDirectory)) {
                return Optional.empty();
            }
            taken = true;
            try {
                return Optional.of(server.get());
            } catch (ExecutionException e) {
                throw e.getCause() instanceof UncheckedIOException io ? io.getCause()
                        : new IOException("starting the embedded PostgreSQL on " + dataDirectory, e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while starting the embedded PostgreSQL on " + dataDirectory, e);
            }
        }

        private synchronized void closeIfUntaken() {
            if (!taken) {
                // a server that failed to start has nothing to stop
                server.thenAccept(EmbeddedDatabase::closeQuietly).exceptionally(failure -> null).join();
            }
        }

        private static Thread daemon(String name, Runnable task) {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        }
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        // Spring's ahead-of-time processing (at build time) only records the context's bean definitions: no server.
        boolean aotProcessing = Boolean.getBoolean(AbstractAotProcessor.AOT_PROCESSING);
        if (aotProcessing || !DatabaseConfiguration.embeddedWanted(environment)) {
            return;
        }
        Path dataDirectory = DatabaseConfiguration.dataDirectory(environment);
        Starting starting = new Starting(dataDirectory);
        // Handed to the application context once it exists, for DatabaseConfiguration to take over.
        event.getBootstrapContext().addCloseListener(closed -> closed.getApplicationContext().getBeanFactory()
                .registerSingleton(Starting.class.getName(), starting));
    }
}
