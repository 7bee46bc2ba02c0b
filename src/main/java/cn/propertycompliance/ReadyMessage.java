package cn.propertycompliance;

import cn.propertycompliance.ruleset.ActiveRelease;
import cn.propertycompliance.ruleset.Release;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * One line when the service is ready: where it listens, which release it serves, which database records decisions,
 * and where a newcomer looks next — so nobody has to dig the port or the release id out of the start-up log.
 */
@Component
class ReadyMessage implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(ReadyMessage.class);

    private final ActiveRelease active;
    private final DataSource dataSource;

    ReadyMessage(ActiveRelease active, DataSource dataSource) {
        this.active = active;
        this.dataSource = dataSource;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            return;
        }
        String base = "http://localhost:" + web.getWebServer().getPort();
        Release release = active.current();
        log.info("ready at {} — release {} ({}, {} rules); decisions in {}; API docs {}/swagger-ui.html, review report {}/review, health {}/actuator/health",
                base, release.id(), release.label(), release.rules().size(), database(), base, base, base);
    }

    /** The JDBC URL without user or password parameters. */
    private String database() {
        try (Connection c = dataSource.getConnection()) {
            String url = c.getMetaData().getURL();
            int params = url.indexOf('?');
            return params < 0 ? url : url.substring(0, params);
        } catch (SQLException e) {
            return "(database not reachable: " + e.getMessage() + ")";
        }
    }
}
