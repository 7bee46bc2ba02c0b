package cn.propertycompliance.api;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/ping}: does nothing but answer; the load script uses it as the framework's ceiling. */
@RestController
class PingController {

    private static final Map<String, String> PONG = Map.of("status", "ok");

    @GetMapping("/api/v1/ping")
    Map<String, String> ping() {
        return PONG;
    }
}
