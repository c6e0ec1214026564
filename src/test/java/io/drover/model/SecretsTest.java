package io.drover.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void thePasswordOfUserInfoIsMaskedAndTheUserAndHostStay() {
        assertThat(Secrets.redact("qemu+tcp://admin:s3cr%40t@kvm-01:16509/system"))
                .isEqualTo("qemu+tcp://admin:***@kvm-01:16509/system");
        assertThat(Secrets.redact("qemu+ssh://root@kvm-01/system")).isEqualTo("qemu+ssh://root@kvm-01/system");
    }

    @Test
    void secretQueryParametersAreMaskedOthersStay() {
        assertThat(Secrets.redact("qemu+tls://kvm-01/system?pkipath=/etc/pki&password=hunter2&no_verify=1"))
                .isEqualTo("qemu+tls://kvm-01/system?pkipath=/etc/pki&password=***&no_verify=1");
        assertThat(Secrets.redact("jdbc:postgresql://db:5432/drover?user=drover&Password=pw&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/drover?user=drover&Password=***&ssl=true");
        assertThat(Secrets.redact("jdbc:sqlserver://db;user=sa;password=pw;encrypt=true"))
                .isEqualTo("jdbc:sqlserver://db;user=sa;password=***;encrypt=true");
    }

    @Test
    void uriInTheMiddleOfAMessageIsMasked() {
        assertThat(Secrets.redact("connect on qemu+tcp://ops:pw@10.0.0.5/system: Connection refused (error 38)"))
                .isEqualTo("connect on qemu+tcp://ops:***@10.0.0.5/system: Connection refused (error 38)");
        assertThat(Secrets.redact("no @ or = here")).isEqualTo("no @ or = here");
        assertThat(Secrets.redact(null)).isNull();
    }
}
