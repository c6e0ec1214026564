package io.drover.compat;

import io.drover.model.Guest;
import java.util.Arrays;

/**
 * {@code name-clash}: libvirt refuses a guest whose name the destination already uses for another UUID ("domain
 * 'X' already exists with uuid ..."), and a guest that already runs there would then run twice. An inactive
 * definition with the same UUID is replaced by the migration: a risk only.
 */
public final class NameClashRule extends FleetRule {

    public static final String ID = "name-clash";

    private final int[] guestName;
    /** Per host: its guests' name ids, sorted, and the guest numbers in the same order. */
    private final int[][] hostNames;
    private final int[][] hostGuests;

    public NameClashRule(FleetIndex fleet) {
        super(ID, fleet);
        Interner names = new Interner();
        guestName = new int[fleet.guestCount()];
        for (int g = 0; g < guestName.length; g++) {
            guestName[g] = names.intern(fleet.guest(g).name());
        }
        hostNames = new int[fleet.hostCount()][];
        hostGuests = new int[fleet.hostCount()][];
        int[] counts = new int[fleet.hostCount()];
        for (int g = 0; g < guestName.length; g++) {
            counts[fleet.source(g)]++;
        }
        long[][] packed = new long[fleet.hostCount()][];
        for (int h = 0; h < counts.length; h++) {
            packed[h] = new long[counts[h]];
            counts[h] = 0;
        }
        for (int g = 0; g < guestName.length; g++) {
            int h = fleet.source(g);
            packed[h][counts[h]++] = ((long) guestName[g] << 32) | g;
        }
        for (int h = 0; h < packed.length; h++) {
            Arrays.sort(packed[h]);
            hostNames[h] = new int[packed[h].length];
            hostGuests[h] = new int[packed[h].length];
            for (int i = 0; i < packed[h].length; i++) {
                hostNames[h][i] = (int) (packed[h][i] >>> 32);
                hostGuests[h][i] = (int) packed[h][i];
            }
        }
    }

    @Override
    public boolean allows(int guest, int destination) {
        if (fleet.source(guest) == destination) {
            return true;
        }
        int i = Arrays.binarySearch(hostNames[destination], guestName[guest]);
        if (i < 0) {
            return true;
        }
        Guest existing = fleet.guest(hostGuests[destination][i]);
        return existing.uuid().equals(fleet.guest(guest).uuid()) && !existing.state().isActive();
    }

    @Override
    public void explain(int guest, int destination, Findings findings) {
        if (fleet.source(guest) == destination) {
            return; // same host: the same-host rule says it
        }
        int i = Arrays.binarySearch(hostNames[destination], guestName[guest]);
        if (i < 0) {
            return;
        }
        Guest g = fleet.guest(guest);
        Guest existing = fleet.guest(hostGuests[destination][i]);
        String name = fleet.hostName(destination);
        if (!existing.uuid().equals(g.uuid())) {
            findings.violation(ID, name + " already has a domain named " + g.name() + " with another UUID ("
                    + existing.uuid() + ")", "rename or undefine the other " + g.name() + " on " + name);
        } else if (existing.state().isActive()) {
            findings.violation(ID, g.name() + " is also running on " + name + ": the same guest runs twice",
                    "find out which copy is real and destroy the other before anything else");
        } else {
            findings.risk(ID, name + " has an inactive definition of " + g.name()
                    + " (same UUID); the migration replaces it");
        }
    }
}
