package cn.propertycompliance.releases;

import static cn.propertycompliance.releases.ReleaseApi.path;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Development mode (no API clients, no signing keys): the one-command run activates the folders' release at start-up,
 * and the single local user may submit, approve and activate (each logged as a warning).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DevelopmentModeReleaseTest {

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:devmode;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
    }

    @LocalServerPort
    int port;

    @Test
    void theFoldersReleaseIsActiveAndOneLocalUserMaySubmitApproveAndActivate() {
        ReleaseApi api = new ReleaseApi(port);
        String initial = api.currentId("");
        assertThat(api.get(path(initial), "").json().path("state").asString()).isEqualTo("ACTIVE");
        List<String> startup = new ArrayList<>();
        api.get(path(initial), "").json().path("history").forEach(e -> startup.add(e.path("action").asString()));
        assertThat(startup).containsExactly("SUBMITTED", "APPROVED", "ACTIVATED");

        byte[] archive = Archives.tarGz(Archives.edit(Archives.tree(Path.of(".")), ReleaseLifecycleApiTest.BAIYIN_TABLE,
                ReleaseLifecycleApiTest.LEVEL4, ReleaseLifecycleApiTest.LEVEL4.replace("1.50", "1.60")));
        // curl --data-binary sends a form content type: refused, never read as "no body" (which means the folders).
        ReleaseApi.Reply form = api.send("POST", "/api/v1/releases", archive, "application/x-www-form-urlencoded", "");
        assertThat(form.status()).isEqualTo(400);
        ReleaseApi.Reply submitted = api.send("POST", "/api/v1/releases?label=%E7%99%BD%E9%93%B6-2026.1", archive, "application/gzip", "");
        assertThat(submitted.status()).isEqualTo(201);
        assertThat(submitted.json().path("label").asString()).isEqualTo("白银-2026.1");
        String id = submitted.json().path("id").asString();
        // The diff against the active release comes with the submission.
        assertThat(submitted.json().path("diff").path("parameters").size()).isEqualTo(1);

        ReleaseApi.Reply approved = api.postJson(path(id) + "/approvals", "{\"decision\":\"APPROVE\"}", "");
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.json().path("signed").asBoolean()).isFalse();
        assertThat(api.postJson(path(id) + "/activation", "{}", "").json().path("state").asString()).isEqualTo("ACTIVE");
        assertThat(api.currentId("")).isEqualTo(id);
        assertThat(api.get(path(initial), "").json().path("state").asString()).isEqualTo("RETIRED");
        assertThat(api.postJson(path(id) + "/approvals", "{\"decision\":\"MAYBE\"}", "").status()).isEqualTo(400);
        ReleaseApi.Reply unknown = api.get(path("sha256:0000") + "/diff?against=active", "");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("type").asString()).isEqualTo("/problems/not-found");
        assertThat(api.postJson(path(initial) + "/approvals", "{\"decision\":\"REJECT\"}", "").status()).isEqualTo(409);
    }
}
