package io.drover.execute;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.UpgradeTarget;
import io.drover.model.Version;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HostUpgraderTest {

    @Test
    void theUpgradeCommandGetsEveryPlaceholderShellQuoted() {
        UpgradeTarget target = new UpgradeTarget(Optional.empty(), Optional.of(new Version(8, 2, 0)),
                Optional.empty());

        String command = HostUpgrader.expand("upgrade --host {host} --uri {uri} --qemu {qemu} --libvirt {libvirt}",
                "kvm-01'; rm -rf /", "qemu+ssh://root@kvm-01/system", target);

        assertThat(command).isEqualTo("upgrade --host 'kvm-01'\\''; rm -rf /' --uri 'qemu+ssh://root@kvm-01/system' "
                + "--qemu '8.2.0' --libvirt ''");
    }
}
