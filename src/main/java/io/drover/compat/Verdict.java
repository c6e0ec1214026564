package io.drover.compat;

import java.util.List;
import java.util.Optional;

/**
 * The answer for one guest and one destination: allowed or not, how, and every reason.
 *
 * @param mode      present exactly when allowed
 * @param copyDisks the guest's disk targets to block-copy when the mode copies storage; the executor must pass
 *                  exactly these as {@code --migrate-disks}, because libvirt would otherwise copy every disk it
 *                  does not itself consider shared, including files on shared filesystems
 */
public record Verdict(String guest, String source, String destination, boolean allowed,
        Optional<MigrationMode> mode, List<String> copyDisks, List<Violation> violations, List<Risk> risks,
        List<UnknownCheck> unknowns) {

    public Verdict {
        copyDisks = List.copyOf(copyDisks);
        violations = List.copyOf(violations);
        risks = List.copyOf(risks);
        unknowns = List.copyOf(unknowns);
        if (allowed != violations.isEmpty() || allowed != mode.isPresent()) {
            throw new IllegalArgumentException("a verdict is allowed exactly when it has no violation and a mode");
        }
    }
}
