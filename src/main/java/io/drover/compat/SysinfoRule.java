package io.drover.compat;

import io.drover.model.Guest;
import io.drover.model.Sysinfo;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code sysinfo} (risk only): a guest that presents SMBIOS from its own {@code <sysinfo>} (serial, UUID: often
 * tied to licences) keeps it across a migration only because libvirt carries its XML; anything that redefines the
 * guest from another source would change it.
 */
public final class SysinfoRule extends FleetRule {

    public static final String ID = "sysinfo";

    public SysinfoRule(FleetIndex fleet) {
        super(ID, fleet);
    }

    @Override
    public boolean allows(int guest, int destination) {
        return true;
    }

    @Override
    public void explain(int guest, int destination, Findings findings) {
        Guest g = fleet.guest(guest);
        if (g.smbiosFromSysinfo() && g.sysinfo().isPresent()) {
            Map<String, String> identity = new TreeMap<>();
            Sysinfo sysinfo = g.sysinfo().get();
            for (String key : new String[] {"system.serial", "system.uuid", "system.product"}) {
                if (sysinfo.entries().containsKey(key)) {
                    identity.put(key, sysinfo.entries().get(key));
                }
            }
            findings.risk(ID, "the guest presents its own SMBIOS " + identity
                    + ": it must be preserved (migrate with libvirt's XML, never redefine it from a template)");
        }
    }
}
