package io.drover.plan;

import java.util.List;
import java.util.UUID;

/** A guest the plan had to move but cannot, with every reason. */
public record BlockedGuest(String guest, UUID uuid, String host, List<BlockReason> reasons) {

    public BlockedGuest {
        reasons = List.copyOf(reasons);
    }
}
