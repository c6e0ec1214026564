package io.drover.execute;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A class of guests with an escalation policy of its own ({@code drover.apply.classes.<name>.*}): the guests it holds
 * (globs on domain names, such as {@code db-*}, or on the OpenStack flavors Nova recorded in their metadata, such as
 * {@code db.*}), what to do with a migration of theirs that times out, and how far their max downtime may be raised.
 * Guests of no class follow the global {@code drover.apply.*} policy.
 *
 * @param guests        globs on domain names
 * @param flavors       globs on Nova flavor names; a guest without a flavor matches none
 * @param timeoutAction null: the global one (post-copy when {@code drover.apply.post-copy}, else abort)
 * @param maxDowntime   null: the global {@code drover.apply.max-downtime}
 */
public record MigrationClass(List<String> guests, List<String> flavors, TimeoutAction timeoutAction,
        Duration maxDowntime) {

    public MigrationClass {
        guests = guests == null ? List.of() : List.copyOf(guests);
        flavors = flavors == null ? List.of() : List.copyOf(flavors);
    }

    /** Whether the guest's name matches one of the name globs or its flavor one of the flavor globs. */
    public boolean holds(String guest, Optional<String> flavor) {
        return matchesAny(guests, guest) || flavor.filter(name -> matchesAny(flavors, name)).isPresent();
    }

    private static boolean matchesAny(List<String> globs, String value) {
        return globs.stream().anyMatch(glob -> glob(glob).matcher(value).matches());
    }

    /** {@code *} any run of characters, {@code ?} one character, everything else literally. */
    private static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (String literal : glob.split("(?=[*?])|(?<=[*?])")) {
            regex.append(literal.equals("*") ? ".*" : literal.equals("?") ? "." : Pattern.quote(literal));
        }
        return Pattern.compile(regex.toString());
    }
}
