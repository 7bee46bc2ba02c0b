package cn.propertycompliance;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.Semaphore;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Hikari refills an emptied pool with a backoff that doubles up to 5 s, so after an outage the service would stay
 * unavailable for up to 5 s after the database is back. While the pool holds no connection at all, a few
 * connections at a time are opened directly (same URL, account and timeouts) and closed after use; once Hikari has
 * refilled, it serves alone. A database still down fails the direct connect, which is the answer.
 */
final class RecoveringDataSource extends DelegatingDataSource {

    private static final int DIRECT_AT_ONCE = 4;

    private final HikariDataSource pool;
    private final Semaphore direct = new Semaphore(DIRECT_AT_ONCE);

    RecoveringDataSource(HikariDataSource pool) {
        super(pool);
        this.pool = pool;
    }

    @Override
    public Connection getConnection() throws SQLException {
        HikariPoolMXBean state = pool.getHikariPoolMXBean();
        if (state != null && state.getTotalConnections() == 0 && direct.tryAcquire()) {
            try {
                return releasingOnClose(DriverManager.getConnection(pool.getJdbcUrl(), properties()));
            } catch (SQLException | RuntimeException e) {
                direct.release();
                throw e; // still down: the pool, empty too, would only make the caller wait its timeout
            }
        }
        return pool.getConnection();
    }

    private Properties properties() {
        Properties p = new Properties();
        p.putAll(pool.getDataSourceProperties());
        if (pool.getUsername() != null) {
            p.setProperty("user", pool.getUsername());
        }
        if (pool.getPassword() != null) {
            p.setProperty("password", pool.getPassword());
        }
        p.putIfAbsent("loginTimeout", "2");
        return p;
    }

    private Connection releasingOnClose(Connection connection) {
        boolean[] closed = {false};
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close") && !closed[0]) {
                        closed[0] = true;
                        direct.release();
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
