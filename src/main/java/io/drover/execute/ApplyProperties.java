package io.drover.execute;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How {@code drover apply} drives migrations ({@code drover.apply.*}, defaults in application.properties).
 *
 * @param initialDowntime         max downtime set when a migration starts (QEMU's own default, 300 ms)
 * @param downtimeStep            how much the max downtime is raised each time progress stalls
 * @param maxDowntime             the highest max downtime the executor escalates to
 * @param downtimeStepAfter       time without progress (no new low of data remaining) before a raise
 * @param stallTimeout            time without progress after which the migration is aborted (oVirt: 240 s)
 * @param completionTimeoutPerGib time allowed per GiB to transfer (memory + copied disks; Nova: 800 s)
 * @param minCompletionTimeout    floor of that timeout (libvirt alone spends seconds starting the destination)
 * @param pollInterval            how often job statistics are read, on a connection of their own
 * @param maxBandwidthMibs        cap per migration in MiB/s; 0 takes the plan's bandwidth limit as is
 * @param maxCallsPerHost         concurrent libvirt calls per host (libvirtd's max_client_requests is 5)
 * @param errorBudget             failed moves after which the run stops starting new ones
 * @param settleTimeout           how long recovery waits for a migration left running by a crashed run
 * @param upgradeCommand          campaigns: the shell command that upgrades an emptied host, with {@code {host}},
 *                                {@code {uri}}, {@code {libvirt}}, {@code {qemu}}, {@code {kernel}} replaced (shell-
 *                                quoted); empty: wait for an operator's {@code drover resume RUN} instead
 * @param upgradeTimeout          how long the upgrade command may run
 * @param autoConverge            start migrations with QEMU's auto-converge (throttles the guest's vCPUs while it
 *                                dirties memory faster than it is sent)
 * @param postCopy                start memory-only migrations post-copy capable, and switch to post-copy where the
 *                                executor would otherwise abort them
 * @param postCopyAfter           also switch after this long (0: only instead of an abort)
 * @param postCopyMinDirtyRateMibs the class of guests post-copy is for: those dirtying at least this many MiB/s
 *                                (0: every guest)
 * @param deleteSourceDisks       after a verified block copy, delete the local images the guest left on its source
 *                                ({@link SourceDiskCleaner}); {@code drover apply --delete-source-disks} also turns
 *                                it on for one run
 * @param classes                 classes of guests with their own escalation policy, by name; a guest in several
 *                                belongs to the first by name
 */
@ConfigurationProperties("drover.apply")
public record ApplyProperties(Duration initialDowntime, Duration downtimeStep, Duration maxDowntime,
        Duration downtimeStepAfter, Duration stallTimeout, Duration completionTimeoutPerGib,
        Duration minCompletionTimeout, Duration pollInterval, long maxBandwidthMibs, int maxCallsPerHost,
        int errorBudget, Duration settleTimeout, String upgradeCommand, Duration upgradeTimeout,
        boolean autoConverge, boolean postCopy, Duration postCopyAfter, long postCopyMinDirtyRateMibs,
        boolean deleteSourceDisks, @DefaultValue Map<String, MigrationClass> classes) {

    public ApplyProperties {
        if (maxCallsPerHost < 2) {
            // a running migration holds one call; watching it needs a second
            throw new IllegalArgumentException("drover.apply.max-calls-per-host must be at least 2");
        }
        if (errorBudget < 1) {
            throw new IllegalArgumentException("drover.apply.error-budget must be at least 1");
        }
        classes = new TreeMap<>(classes);
    }

    /** The escalation policy of the first class (by name) holding the guest, else the global one. */
    public EscalationPolicy policyFor(String guest, Optional<String> flavor) {
        TimeoutAction globalAction = postCopy ? TimeoutAction.POST_COPY : TimeoutAction.ABORT;
        return classes.entrySet().stream().filter(entry -> entry.getValue().holds(guest, flavor)).findFirst()
                .map(entry -> new EscalationPolicy(entry.getKey(),
                        Objects.requireNonNullElse(entry.getValue().timeoutAction(), globalAction),
                        Objects.requireNonNullElse(entry.getValue().maxDowntime(), maxDowntime)))
                .orElseGet(() -> new EscalationPolicy("default", globalAction, maxDowntime));
    }

    public long bandwidthMibs(long planBandwidthMibs) {
        return maxBandwidthMibs > 0 ? Math.min(maxBandwidthMibs, planBandwidthMibs) : planBandwidthMibs;
    }

    /** Completion timeout for a transfer of that many bytes. */
    public Duration completionTimeout(long bytes) {
        double gib = bytes / (1024.0 * 1024 * 1024);
        Duration perSize = Duration.ofMillis((long) (completionTimeoutPerGib.toMillis() * gib));
        return perSize.compareTo(minCompletionTimeout) > 0 ? perSize : minCompletionTimeout;
    }
}
