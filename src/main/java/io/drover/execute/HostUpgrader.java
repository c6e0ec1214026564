package io.drover.execute;

import io.drover.model.FleetSnapshot;
import io.drover.model.Host;
import io.drover.model.HostVersions;
import io.drover.model.SnapshotHost;
import io.drover.model.UpgradeTarget;
import io.drover.model.Version;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hook step of an upgrade campaign, for one host its phase emptied: run {@code drover.apply.upgrade-command} (or
 * wait for an operator to upgrade the host and run {@code drover resume RUN}), then inventory the host again and
 * check it reached the target versions before later phases may send guests to it. Checkpointed in
 * {@code apply_upgrade}; a resumed run first looks whether the host already runs the target, so a command is not run
 * again for a host it already upgraded.
 */
public class HostUpgrader {

    private static final Logger log = LoggerFactory.getLogger(HostUpgrader.class);

    public enum State {
        PENDING,
        UPGRADING,
        AWAITING_CONFIRMATION,
        UPGRADED,
        FAILED
    }

    private final ApplyStore store;
    private final FleetRefresher refresher;
    private final ApplyProperties properties;

    public HostUpgrader(ApplyStore store, FleetRefresher refresher, ApplyProperties properties) {
        this.store = store;
        this.refresher = refresher;
        this.properties = properties;
    }

    /** What one host's upgrade needs: the run and phase, the plan snapshot (how to reach it), the target. */
    public record UpgradeContext(long runId, String planId, int phase, FleetSnapshot planSnapshot,
            UpgradeTarget target, Long jobExecutionId) {
    }

    /**
     * Upgrades one emptied host.
     *
     * @param confirmed waits for the operator's {@code drover resume RUN}; false when the run was aborted instead
     * @return empty once the host runs the target versions, else why not (the run must stop)
     */
    public Optional<String> upgrade(UpgradeContext context, String host, BooleanSupplier confirmed) {
        if (store.upgradeState(context.runId(), context.phase(), host) == State.UPGRADED) {
            return Optional.empty();
        }
        if (shortOfTarget(context, host).isEmpty()) {
            store.saveUpgradeState(context.runId(), context.phase(), host, State.UPGRADED, "already at the target");
            return Optional.empty();
        }
        String command = properties.upgradeCommand() == null ? "" : properties.upgradeCommand().trim();
        if (command.isEmpty()) {
            store.saveUpgradeState(context.runId(), context.phase(), host, State.AWAITING_CONFIRMATION,
                    "upgrade it, then drover resume " + context.runId());
            store.request(context.runId(), ApplyRun.Control.PAUSE);
            log.warn("Run {}: {} is empty: upgrade it to {}, then run: drover resume {}", context.runId(), host,
                    context.target().describe(), context.runId());
            if (!confirmed.getAsBoolean()) {
                return Optional.of("upgrade of " + host + " not confirmed: " + MoveExecutor.ABORTED);
            }
        } else {
            store.saveUpgradeState(context.runId(), context.phase(), host, State.UPGRADING, command);
            Optional<String> failed = run(expand(command, host, uri(context, host), context.target()));
            if (failed.isPresent()) {
                store.saveUpgradeState(context.runId(), context.phase(), host, State.FAILED, failed.get());
                return Optional.of("upgrade of " + host + ": " + failed.get());
            }
        }
        Optional<String> short_ = shortOfTarget(context, host);
        if (short_.isPresent()) {
            String problem = host + " after its upgrade: " + short_.get();
            store.saveUpgradeState(context.runId(), context.phase(), host, State.FAILED, problem);
            return Optional.of(problem);
        }
        store.saveUpgradeState(context.runId(), context.phase(), host, State.UPGRADED, context.target().describe());
        log.info("Run {}: {} upgraded to {}", context.runId(), host, context.target().describe());
        return Optional.empty();
    }

    /** Inventories the host again; empty when it runs at least the target versions, else what falls short. */
    private Optional<String> shortOfTarget(UpgradeContext context, String host) {
        FleetSnapshot fresh = refresher.refresh(FleetRefresher.sources(context.planSnapshot(), List.of(host),
                "plan " + context.planId()), "apply " + context.planId() + " upgrade of " + host,
                context.jobExecutionId());
        Optional<HostVersions> versions = fresh.host(host).flatMap(SnapshotHost::host).map(Host::versions);
        if (versions.isEmpty()) {
            return Optional.of("could not be inventoried (snapshot " + fresh.id() + ")" + fresh.host(host)
                    .flatMap(SnapshotHost::error).map(error -> ": " + error).orElse(""));
        }
        List<String> shortfalls = new ArrayList<>();
        below("libvirt", versions.get().libvirt(), context.target().libvirt(), shortfalls);
        below("QEMU", versions.get().qemu(), context.target().qemu(), shortfalls);
        // the kernel is declared in the fleet file, not read from libvirt: nothing to check it against
        return shortfalls.isEmpty() ? Optional.empty()
                : Optional.of(String.join(", ", shortfalls) + " (snapshot " + fresh.id() + ")");
    }

    private static void below(String what, Version current, Optional<Version> target, List<String> shortfalls) {
        if (target.isPresent() && current.compareTo(target.get()) < 0) {
            shortfalls.add(what + " " + current + ", the plan needs " + target.get());
        }
    }

    private static String uri(UpgradeContext context, String host) {
        return context.planSnapshot().host(host).map(SnapshotHost::uri).orElse("");
    }

    /** The command with its placeholders replaced by shell-quoted values. */
    static String expand(String command, String host, String uri, UpgradeTarget target) {
        Map<String, String> values = Map.of("{host}", host, "{uri}", uri,
                "{libvirt}", target.libvirt().map(Version::toString).orElse(""),
                "{qemu}", target.qemu().map(Version::toString).orElse(""),
                "{kernel}", target.kernel().map(Version::toString).orElse(""));
        String expanded = command;
        for (Map.Entry<String, String> value : values.entrySet()) {
            expanded = expanded.replace(value.getKey(), "'" + value.getValue().replace("'", "'\\''") + "'");
        }
        return expanded;
    }

    /** Runs {@code sh -c command}; empty when it exits 0, else its exit status and the end of its output. */
    private Optional<String> run(String command) {
        try {
            Path output = Files.createTempFile("drover-upgrade-", ".log");
            try {
                log.info("Running upgrade command: {}", command);
                Process process = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true)
                        .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .start();
                if (!process.waitFor(properties.upgradeTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    return Optional.of("`" + command + "` still running after " + properties.upgradeTimeout());
                }
                if (process.exitValue() != 0) {
                    List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
                    return Optional.of("`" + command + "` exited " + process.exitValue() + ": "
                            + String.join(" / ", lines.subList(Math.max(0, lines.size() - 3), lines.size())));
                }
                return Optional.empty();
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            return Optional.of("`" + command + "` could not run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while `" + command + "` ran");
        }
    }
}
