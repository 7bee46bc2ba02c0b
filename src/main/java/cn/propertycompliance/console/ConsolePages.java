package cn.propertycompliance.console;

import cn.propertycompliance.releases.ReleaseDrafts;
import cn.propertycompliance.releases.ReleaseService;
import cn.propertycompliance.releases.ReleaseState;
import cn.propertycompliance.releases.StoredRelease;
import cn.propertycompliance.ruleset.ActiveRelease;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Sign-in, the start page (what is in service, open drafts, releases waiting for sign-off or activation), refusals. */
@Controller
class ConsolePages {

    private final ActiveRelease active;
    private final ReleaseService releases;
    private final ReleaseDrafts drafts;

    ConsolePages(ActiveRelease active, ReleaseService releases, ReleaseDrafts drafts) {
        this.active = active;
        this.releases = releases;
        this.drafts = drafts;
    }

    @GetMapping("/console/login")
    String login() {
        return "console/login";
    }

    @GetMapping({"/console", "/console/"})
    String home(Model model) {
        List<StoredRelease> recent = releases.list(50);
        model.addAttribute("served", active.current());
        model.addAttribute("activeInDatabase", releases.active().orElse(null));
        model.addAttribute("drafts", drafts.list(20));
        model.addAttribute("awaitingSignOff", recent.stream().filter(r -> r.state() == ReleaseState.CHECKED).toList());
        model.addAttribute("awaitingActivation", recent.stream().filter(r -> r.state() == ReleaseState.APPROVED).toList());
        model.addAttribute("recent", recent.stream().limit(10).toList());
        return "console/home";
    }

    /** Where Spring Security forwards a signed-in user who lacks the role (a reviewer opening the editor). */
    @RequestMapping("/console/denied")
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String denied() {
        return "console/denied";
    }
}
