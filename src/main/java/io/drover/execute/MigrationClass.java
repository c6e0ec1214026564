package io.drover.execute;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A class of guests with an escalation policy of its own ({@code drover.apply.classes.<name>.*}): the guests it holds
 * (globs on domain names, such as {@code db-*}), what to do with a migration of theirs that times out, and how far
 * their max downtime may be raised. Guests of no class follow the global {@code drover.apply.*} policy.
 *
 * @param timeoutAction null: the global one (post-copy when {@code drover.apply.post-copy}, else abort)
 * @param maxDowntime   null: the global {@code drover.apply.max-downtime}
 */
public record MigrationClass(List<String> guests, TimeoutAction timeoutAction, Duration maxDowntime) {

    public MigrationClass {
        guests = guests == null ? List.of() : List.copyOf(guests);
    }

    public boolean holds(String guest) {
        return guests.stream().anyMatch(glob -> glob(glob).matcher(guest).matches());
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
