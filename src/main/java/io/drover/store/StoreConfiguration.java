package io.drover.store;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
public class StoreConfiguration {

    @Bean
    SnapshotStore snapshotStore(JdbcTemplate jdbc, PlatformTransactionManager tx) {
        return new SnapshotStore(jdbc, new TransactionTemplate(tx));
    }

    @Bean
    SnapshotWriters snapshotWriters(DataSource dataSource, SnapshotStore snapshots) {
        return new SnapshotWriters(dataSource, snapshots);
    }

    @Bean
    PlanStore planStore(JdbcTemplate jdbc) {
        return new PlanStore(jdbc);
    }

    @Bean
    TransferHistoryStore transferHistoryStore(JdbcTemplate jdbc) {
        return new TransferHistoryStore(jdbc);
    }
}
